package dev.refer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.events.DomainEvents;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.FanOutEvents;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookSecret;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.outbound.DynamoDbDeliveryLog;
import dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints;
import dev.refer.mail.SesMailer;
import dev.refer.outbound.DeliveryWiring;
import dev.refer.outbound.WebhookDeliveryHandler;
import dev.refer.sqs.WebhookMessages;
import dev.refer.testkit.webhooks.HttpsReceiver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Outbound webhooks: leads captured, fanned out to 10 endpoints each (the fan-out's claims on DynamoDB Local), then
 * every delivery through the production delivery worker in SQS batches of 10, signed and POSTed over HTTPS to a
 * receiver on this machine. Deliveries per second per worker (one execution environment, its batch sent at once),
 * DynamoDB units per delivery (fan-out and worker), and the dollars per million deliveries on AWS: Lambda (both
 * functions' measured time, the worker billed for an endpoint answering in {@value #ENDPOINT_MILLIS} ms), SQS
 * requests, DynamoDB units, logs.
 */
final class OutboundWebhooksBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.outbound.events", 300);
    private static final int ENDPOINTS = 10;
    private static final int WARMUP_EVENTS = 30;
    /** A typical company endpoint's answer time, for the worker's billed duration. */
    static final int ENDPOINT_MILLIS = 200;
    /** SQS standard queue requests. */
    static final double SQS_PER_MILLION_REQUESTS = 0.40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchContext context;

    OutboundWebhooksBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        try {
            return measure();
        } catch (Exception e) {
            throw new IllegalStateException("the outbound webhooks section failed", e);
        }
    }

    private List<Metric> measure() throws Exception {
        context.pointSdkAtDynamoDb();
        String table = context.newTableWithoutStream("outbound");
        Map<String, String> env = new HashMap<>(context.functionEnvironment(table));
        env.put("WEBHOOK_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/bench-webhooks");
        env.put("WEBHOOK_DEAD_LETTER_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/bench-dlq");
        TableConfig config = TableConfig.fromEnv(env);
        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient client = DynamoDbClients.create(List.of(meter));
        WebhookMessages codec = new WebhookMessages();
        try (HttpsReceiver receiver = new HttpsReceiver();
             SqsClient unused = SqsClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                     .build()) {
            receiver.recording = false;
            DynamoDbWebhookEndpoints endpoints = new DynamoDbWebhookEndpoints(client, config);
            Instant now = Instant.now();
            for (int i = 0; i < ENDPOINTS; i++) {
                endpoints.create(new WebhookEndpoint(new WebhookEndpointId(String.format("01JE%022d", i)),
                        receiver.url("/hooks/" + i), Set.of(EventType.LEAD_CAPTURED), "endpoint " + i,
                        WebhookSecret.generate(new SecureRandom()), null, null, true, null, now, now, null));
            }
            List<OutboundDelivery> queued = new ArrayList<>();
            FanOutEvents fanOut = new FanOutEvents(endpoints, new DynamoDbDeliveryLog(client, config, codec,
                    Clock.systemUTC()), queued::addAll);
            WebhookDeliveryHandler worker = DeliveryWiring.workerOnLoopback(env, client, unused,
                    SesMailer.fromEnv(env), receiver.clientTls(), Clock.systemUTC());

            // warm-up: the JIT, the connection pool, the handler's classes
            for (int i = 0; i < WARMUP_EVENTS; i++) {
                fanOut.fanOut(lead(-1 - i));
            }
            deliverAll(worker, codec, queued);
            queued.clear();

            meter.reset();
            long fanOutStart = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                fanOut.fanOut(lead(i));
            }
            double fanOutSeconds = (System.nanoTime() - fanOutStart) / 1e9;
            int deliveries = queued.size();
            double fanOutWrites = meter.writeUnits.sum();
            double fanOutReads = meter.readUnits.sum();

            meter.reset();
            long start = System.nanoTime();
            int batches = deliverAll(worker, codec, queued);
            double workerSeconds = (System.nanoTime() - start) / 1e9;
            double workerWrites = meter.writeUnits.sum();
            double workerReads = meter.readUnits.sum();
            context.dropTables();

            double perDeliveryWrites = (fanOutWrites + workerWrites) / deliveries;
            double perDeliveryReads = (fanOutReads + workerReads) / deliveries;
            double batchSeconds = workerSeconds / batches;
            double billedWorkerSeconds = (batchSeconds + ENDPOINT_MILLIS / 1000.0) * batches / deliveries;
            double fanOutLambdaSeconds = fanOutSeconds / deliveries;
            double cost = (billedWorkerSeconds + fanOutLambdaSeconds) * CostModel.MEMORY_GB
                    * CostModel.LAMBDA_ARM_PER_GB_SECOND * 1_000_000
                    + CostModel.LAMBDA_REQUESTS_PER_MILLION / 10 // one worker invocation per batch of 10
                    + SQS_PER_MILLION_REQUESTS * 3 / 10 // send, receive, delete: batches of 10
                    + perDeliveryWrites * CostModel.DYNAMODB_WRITE_UNIT_PER_MILLION
                    + perDeliveryReads * CostModel.DYNAMODB_READ_UNIT_PER_MILLION
                    + CostModel.LOG_LINE_BYTES * 2 * 1_000_000 / 1e9 * CostModel.LOGS_PER_GB;
            return List.of(
                    Metric.of("outbound.deliveries", deliveries),
                    Metric.of("outbound.deliveries.per_second.per_worker", deliveries / workerSeconds, 0),
                    Metric.of("outbound.batch.ms", batchSeconds * 1000, 2),
                    Metric.of("outbound.fanout.ms.per_delivery", fanOutSeconds * 1000 / deliveries, 3),
                    Metric.of("outbound.deliveries.per_second.per_worker.at_" + ENDPOINT_MILLIS + "ms",
                            10 / (batchSeconds + ENDPOINT_MILLIS / 1000.0), 0),
                    Metric.of("outbound.write_units.per_delivery", perDeliveryWrites, 2),
                    Metric.of("outbound.read_units.per_delivery", perDeliveryReads, 2),
                    Metric.of("outbound.cost.per_million_deliveries.usd", cost, 2));
        }
    }

    private static List<DomainEvent> lead(int n) {
        Instant at = Instant.now();
        Lead lead = new Lead(new LeadId(String.format("01JC%022d", Math.abs(n) + (n < 0 ? 5_000_000 : 0))),
                new EmailAddress("lead" + n + "@client.example"), "Lead " + n, "Client Co", null, null, LeadStatus.NEW,
                new Attribution(new PartnerId("01JB0000000000000000000001"), Attribution.Path.CODE, null, null, null),
                null, at, at, null, null);
        return DomainEvents.ofLead(null, lead);
    }

    /** Every delivery through the worker in SQS events of 10; each must be delivered. @return the batches */
    private static int deliverAll(WebhookDeliveryHandler worker, WebhookMessages codec, List<OutboundDelivery> all)
            throws Exception {
        int batches = 0;
        String firstReceipt = Long.toString(System.currentTimeMillis());
        for (int from = 0; from < all.size(); from += 10) {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (OutboundDelivery delivery : all.subList(from, Math.min(all.size(), from + 10))) {
                ObjectNode record = records.addObject();
                record.put("messageId", delivery.id());
                record.put("receiptHandle", "rh-" + delivery.id());
                record.put("body", codec.encode(delivery));
                record.put("eventSource", "aws:sqs");
                record.putObject("attributes").put("ApproximateReceiveCount", "1")
                        .put("ApproximateFirstReceiveTimestamp", firstReceipt);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            worker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
            String answer = out.toString(StandardCharsets.UTF_8);
            if (!answer.contains("\"batchItemFailures\":[]")) {
                throw new IllegalStateException("deliveries failed: " + answer);
            }
            batches++;
        }
        return batches;
    }
}

package dev.refer.bench;

import dev.refer.aws.AwsClients;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.SeedItems;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.payout.DynamoDbPayoutRuns;
import dev.refer.local.LocalStack;
import dev.refer.mail.SesMailer;
import dev.refer.payouts.PayoutWorkerHandler;
import dev.refer.payouts.PayoutsWiring;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly payout run. First end to end through the local stack (the admin API starts the run; the planner step,
 * the queue in moto, the workers, the statements and the summary through SES in moto), at two sizes: the time per
 * partner must not grow with the size. Then, in this process, the worker's time per partner next to a raw replay of
 * the very same requests it issued (DynamoDB and SES, recorded by SDK interceptors, replayed on an identical table),
 * with its capacity units (DynamoDB's billing rules) and SES calls per partner, and what a run costs for 100,000
 * partners at AWS list prices.
 *
 * <p>{@code -Dbench.payouts.partners=100000 -Dbench.payouts.entries=10} runs the large size (1,000,000 entries,
 * seeded with batch writes) instead of the default's; {@code -Dbench.payouts.small=N} sets the first size (half the
 * second unless given).
 */
final class PayoutBenchmark {

    private static final int PARTNERS = Integer.getInteger("bench.payouts.partners", 200);
    private static final int ENTRIES = Integer.getInteger("bench.payouts.entries", 5);
    /** The first of the two sizes (the second is {@link #PARTNERS}): half of it unless given. */
    private static final int SMALL = Integer.getInteger("bench.payouts.small", Math.max(1, PARTNERS / 2));
    /** Partners the worker is timed against its raw replay. */
    private static final int SAMPLE = Integer.getInteger("bench.payouts.sample", 40);
    private static final double SQS_PER_MILLION = 0.40;
    private static final double SES_PER_THOUSAND = 0.10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BenchContext context;
    private final YearMonth period = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private final Instant cutoff = PayoutCalendar.cutoff(period, ZoneOffset.UTC);

    PayoutBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() throws Exception {
        context.pointSdkAtDynamoDb();
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("payouts.assumed", ENTRIES + " due entries per partner, one statement each"));
        double[] first = endToEnd(SMALL, metrics);
        double[] second = endToEnd(PARTNERS, metrics);
        metrics.add(Metric.of("payouts.e2e.ms_per_partner.growth", second[1] / first[1], 2));
        metrics.addAll(workerVersusRaw());
        return metrics;
    }

    // ---- end to end through the local stack ----------------------------------------------------------------------

    /** Returns {wall seconds, ms per partner}. */
    private double[] endToEnd(int partners, List<Metric> metrics) throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(0)
                .withTableName("refer-bench-payouts-" + partners).withAccessLog(false)
                // the seeded million entries are history, not news: no "commission earned" for each
                .withoutStreamsOf("NotificationsFunction")
                // the run's own machinery is measured here; statements keep the SES pace (MailSendRate) on AWS, and
                // that pace is what the checkin section and StatementPaceTest measure
                .withRef("MailSendRate", "100000"))) {
            String key = stack.adminKey();
            admin(stack, key, "PUT", "/admin/program", """
                    {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                     "payouts":{"minimum":{"EUR":1000},"locale":"en-US","managerEmail":"manager@program.example"}}""");
            String programId = context.template().parameterDefaults().getOrDefault("ProgramId", "main");
            long seeding = System.nanoTime();
            seed(stack.dynamoDb(), new TableConfig(stack.tableName(), new ProgramId(programId)), partners);
            System.err.printf("payouts: %d partners and %d entries seeded in %.0f s%n", partners, partners * ENTRIES,
                    (System.nanoTime() - seeding) / 1e9);
            seeding = System.nanoTime();
            stack.awaitIdle(Duration.ofMinutes(120)); // the stream projection of the seeded entries
            System.err.printf("payouts: stream projection caught up in %.0f s; the run starts%n",
                    (System.nanoTime() - seeding) / 1e9);
            long start = System.nanoTime();
            admin(stack, key, "POST", "/admin/payout-runs", "{\"period\":\"" + period + "\"}");
            stack.awaitIdle(Duration.ofHours(6));
            double seconds = (System.nanoTime() - start) / 1e9;
            String run = admin(stack, key, "GET", "/admin/payout-runs/" + period, null);
            if (!run.contains("\"complete\":true")) {
                throw new IllegalStateException("the run did not complete: " + run);
            }
            long statements = stack.outbox().messages().stream()
                    .filter(mail -> mail.subject().startsWith("Your payout statement")).count();
            if (statements != partners) {
                throw new IllegalStateException(statements + " statements for " + partners + " partners");
            }
            metrics.add(Metric.of("payouts.e2e.partners." + partners, partners));
            metrics.add(Metric.of("payouts.e2e.seconds." + partners, seconds, 1));
            metrics.add(Metric.of("payouts.e2e.ms_per_partner." + partners, seconds * 1000 / partners, 1));
            return new double[]{seconds, seconds * 1000 / partners};
        }
    }

    /** An admin API call through the stack's gateway; fails on an answer of 300 or more. */
    static String admin(LocalStack stack, String key, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).header("x-admin-key", key);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /**
     * {@code partners} active partners, each with {@link #ENTRIES} entries due in the period, in batch writes of a
     * thousand partners at a time (a million entries never sit in memory at once).
     */
    private void seed(DynamoDbClient client, TableConfig table, int partners) {
        UlidGenerator ids = new UlidGenerator(Clock.fixed(cutoff.minus(Duration.ofDays(40)), ZoneOffset.UTC));
        for (int from = 0; from < partners; from += 1_000) {
            write(client, table.tableName(), items(table, from, Math.min(partners, from + 1_000), ids,
                    new ArrayList<>()));
        }
    }

    private List<Map<String, AttributeValue>> items(TableConfig table, int partners, List<PartnerId> partnerIds) {
        return items(table, 0, partners, new UlidGenerator(Clock.fixed(cutoff.minus(Duration.ofDays(40)),
                ZoneOffset.UTC)), partnerIds);
    }

    private List<Map<String, AttributeValue>> items(TableConfig table, int fromPartner, int toPartner,
                                                    UlidGenerator ids, List<PartnerId> partnerIds) {
        Instant earned = cutoff.minus(Duration.ofDays(40));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int p = fromPartner; p < toPartner; p++) {
            Partner partner = new Partner(new PartnerId(ids.newId()), "Partner " + p,
                    new EmailAddress("partner" + p + "@bench.example"), null, PartnerStatus.ACTIVE, null, earned);
            partnerIds.add(partner.id());
            items.add(SeedItems.partner(partner, table));
            items.add(SeedItems.payee(partner, table, earned));
            for (int e = 0; e < ENTRIES; e++) {
                items.add(SeedItems.commission(new Commission(new CommissionId(ids.newId()), partner.id(),
                        CommissionKind.SALE, CommissionStatus.PENDING, Money.of(2_000 + e, "EUR"),
                        "20 % of the sale", "evt-" + p + "-" + e, "order-" + p + "-" + e, null, earned,
                        earned.plus(Duration.ofDays(30)))));
            }
        }
        return items;
    }

    /** Puts the items in batch writes of 25, retrying what DynamoDB left unprocessed. */
    static void write(DynamoDbClient client, String tableName, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> asked = pending;
                var unprocessed = client.batchWriteItem(r -> r.requestItems(asked)).unprocessedItems();
                pending = unprocessed == null || unprocessed.isEmpty() ? Map.of() : unprocessed;
            }
        }
    }

    // ---- the worker next to a raw replay of its own requests -----------------------------------------------------

    /** Records the requests a client issues while {@link #recording}. */
    private static final class Recorder implements ExecutionInterceptor {
        final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
        volatile boolean recording;

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (recording) {
                requests.add(context.request());
            }
        }
    }

    private List<Metric> workerVersusRaw() throws Exception {
        Map<String, String> env = new HashMap<>();
        String tableA = context.newTableWithoutStream("payouts-handler");
        String tableB = context.newTableWithoutStream("payouts-raw");
        String tableC = context.newTableWithoutStream("payouts-units");
        TableConfig a = new TableConfig(tableA, new ProgramId(BenchContext.PROGRAM_ID));
        TableConfig b = new TableConfig(tableB, new ProgramId(BenchContext.PROGRAM_ID));
        TableConfig c = new TableConfig(tableC, new ProgramId(BenchContext.PROGRAM_ID));
        List<PartnerId> partners = new ArrayList<>();
        List<Map<String, AttributeValue>> items = items(a, SAMPLE, partners);
        for (TableConfig table : List.of(a, b, c)) {
            BenchData.seed(context.client(), table.tableName());
            write(context.client(), table.tableName(), items); // the very same items in all three
            new DynamoDbPayoutRuns(context.client(), table).start(period, PayoutCalendar.periodStart(period,
                    ZoneOffset.UTC), cutoff, Instant.now());
        }
        Clock clock = Clock.fixed(cutoff.plus(Duration.ofHours(6)), ZoneOffset.UTC);
        Recorder dynamoDbCalls = new Recorder();
        Recorder sesCalls = new Recorder();
        DynamoDbMeter meter = new DynamoDbMeter();
        env.putAll(context.functionEnvironment(tableA));
        env.put("MAIL_SEND_RATE", "100000"); // units and the worker's own time are measured here, not the SES pace
        SqsClient sqs = AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of());
        PayoutWorkerHandler handler = PayoutsWiring.workerHandler(env,
                DynamoDbClients.create(List.of(meter, dynamoDbCalls)), sqs,
                SesMailer.fromEnv(env, List.of(sesCalls)), clock);
        DynamoDbClient raw = context.client();
        SesV2Client rawSes = AwsClients.build(SesV2Client.builder(), env, "AWS_ENDPOINT_URL_SESV2", List.of(), true);

        long handlerNanos = 0;
        long rawNanos = 0;
        for (PartnerId partner : partners) {
            byte[] event = message(partner);
            int dynamoBefore = dynamoDbCalls.requests.size();
            int sesBefore = sesCalls.requests.size();
            dynamoDbCalls.recording = true;
            sesCalls.recording = true;
            long start = System.nanoTime();
            invoke(handler, event);
            handlerNanos += System.nanoTime() - start;
            dynamoDbCalls.recording = false;
            sesCalls.recording = false;
            List<SdkRequest> issued = List.copyOf(dynamoDbCalls.requests.subList(dynamoBefore,
                    dynamoDbCalls.requests.size()));
            List<SdkRequest> sent = List.copyOf(sesCalls.requests.subList(sesBefore, sesCalls.requests.size()));
            start = System.nanoTime();
            for (SdkRequest request : issued) {
                replay(raw, request, tableA, tableB);
            }
            for (SdkRequest request : sent) {
                rawSes.sendEmail((SendEmailRequest) request);
            }
            rawNanos += System.nanoTime() - start;
        }
        double handlerMs = handlerNanos / 1e6 / partners.size();
        double rawMs = rawNanos / 1e6 / partners.size();
        double dynamoDbCallsPerPartner = (double) dynamoDbCalls.requests.size() / partners.size();
        double sesPerPartner = (double) sesCalls.requests.size() / partners.size();

        // capacity units, modeled by DynamoDB's billing rules, on the third table (untimed)
        ModeledCapacity capacity = new ModeledCapacity(raw, tableC,
                context.template().createTableRequest(BenchContext.TABLE_LOGICAL_ID, tableC));
        Map<String, String> envC = new HashMap<>(context.functionEnvironment(tableC));
        envC.put("MAIL_SEND_RATE", "100000");
        PayoutWorkerHandler modeled = PayoutsWiring.workerHandler(envC, DynamoDbClients.create(List.of(capacity)),
                sqs, SesMailer.fromEnv(envC), clock);
        for (PartnerId partner : partners) {
            invoke(modeled, message(partner));
        }
        double writeUnits = capacity.writeUnits.sum() / partners.size();
        double readUnits = capacity.readUnits.sum() / partners.size();

        // per partner on AWS: the worker's share of an invocation (10 messages a batch) and its billed time, the
        // queue's requests (a batched send, a receive and a delete per 10), DynamoDB units, one statement
        double perPartner = 0.1 * CostModel.LAMBDA_REQUESTS_PER_MILLION / 1e6
                + handlerMs / 1000 * CostModel.MEMORY_GB * CostModel.LAMBDA_ARM_PER_GB_SECOND
                + 0.3 * SQS_PER_MILLION / 1e6
                + writeUnits * CostModel.DYNAMODB_WRITE_UNIT_PER_MILLION / 1e6
                + readUnits * CostModel.DYNAMODB_READ_UNIT_PER_MILLION / 1e6
                + sesPerPartner * SES_PER_THOUSAND / 1e3;
        return List.of(
                Metric.of("payout.sample.partners", partners.size()),
                Metric.of("payout.worker.ms_per_partner", handlerMs, 2),
                Metric.of("payout.raw.ms_per_partner", rawMs, 2),
                Metric.of("payout.ratio", handlerMs / rawMs, 2),
                Metric.of("payout.dynamodb.calls_per_partner", dynamoDbCallsPerPartner, 1),
                Metric.of("payout.units.write_per_partner", writeUnits, 1),
                Metric.of("payout.units.read_per_partner", readUnits, 1),
                Metric.of("payout.ses.calls_per_partner", sesPerPartner, 2),
                Metric.of("cost.payout.usd_per_100k_partners", perPartner * 100_000, 2));
    }

    private byte[] message(PartnerId partner) {
        String body = "{\"type\":\"pay\",\"period\":\"" + period + "\",\"periodStart\":\""
                + PayoutCalendar.periodStart(period, ZoneOffset.UTC) + "\",\"cutoff\":\"" + cutoff
                + "\",\"partnerId\":\"" + partner.value() + "\"}";
        return ("{\"Records\":[{\"messageId\":\"m-" + partner.value() + "\",\"receiptHandle\":\"rh\",\"body\":"
                + dev.refer.lambda.LambdaJson.write(body) + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                + "\"eventSource\":\"aws:sqs\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void invoke(PayoutWorkerHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        String response = out.toString(StandardCharsets.UTF_8);
        if (!response.contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("the worker failed: " + response);
        }
    }

    /** The same request on the other table, issued raw. */
    private static void replay(DynamoDbClient client, SdkRequest request, String from, String to) {
        switch (request) {
            case GetItemRequest r -> client.getItem(r.toBuilder().tableName(to).build());
            case QueryRequest r -> client.query(r.toBuilder().tableName(to).build());
            case PutItemRequest r -> ignoreConditions(() -> client.putItem(r.toBuilder().tableName(to).build()));
            case UpdateItemRequest r -> ignoreConditions(() -> client.updateItem(r.toBuilder().tableName(to).build()));
            case DeleteItemRequest r -> ignoreConditions(() -> client.deleteItem(r.toBuilder().tableName(to).build()));
            case TransactWriteItemsRequest r -> ignoreConditions(() ->
                    client.transactWriteItems(WriteThroughputBenchmark.retarget(r, to)));
            default -> throw new IllegalStateException("no raw replay for " + request.getClass().getSimpleName()
                    + " (table " + from + ")");
        }
    }

    /** A conditional write refused on the replay table costs the same call: it is still part of the raw time. */
    private static void ignoreConditions(Runnable call) {
        try {
            call.run();
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException
                 | software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            // the same request; the outcome does not matter for its time
        }
    }
}

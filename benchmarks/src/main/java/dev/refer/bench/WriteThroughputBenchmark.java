package dev.refer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.standardwebhooks.Webhook;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.leads.LeadCaptureWiring;
import dev.refer.webhook.ConversionWebhookWiring;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The write paths a person or a billing system waits on: 1,000 lead posts and 1,000 signed conversions through the
 * production handlers, each followed at once by a raw replay of <b>every</b> DynamoDB call it issued (recorded by the
 * client's interceptor), reads included, into a second table seeded alike. Throughput ratio = raw seconds / handler
 * seconds: what the handler costs beyond the calls it must make (until 2026-12-07 the replay held the transaction
 * alone, so the reads counted against the handler). Also the round trips per request, mean and worst. The capacity
 * units each request costs are modeled by DynamoDB's billing rules ({@link ModeledCapacity}).
 */
final class WriteThroughputBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.writes.requests", 1_000);
    private static final int WARMUP = Integer.getInteger("bench.writes.warmup", 200);
    private static final int CAPACITY_REQUESTS = 100;

    private final BenchContext context;

    WriteThroughputBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() throws RuntimeException {
        context.pointSdkAtDynamoDb();
        List<Metric> metrics = new ArrayList<>();
        metrics.addAll(measure("lead", (env, client) -> LeadCaptureWiring.handler(env, client),
                i -> BenchData.postEvent("POST /leads", "/leads",
                        "{\"email\":\"visitor" + i + "@acme.example\",\"name\":\"Visitor\",\"ref\":\"write-link\"}",
                        Map.of("origin", "https://www.example.com")), 202));
        Webhook signer = signer(context.webhookSecret());
        metrics.addAll(measure("webhook", ConversionWebhookWiring::handler, i -> signedSale(signer, i), 200));
        return metrics;
    }

    interface HandlerFactory {
        RequestStreamHandler create(Map<String, String> env, DynamoDbClient client);
    }

    private List<Metric> measure(String name, HandlerFactory factory, IntFunction<byte[]> event, int expectedStatus) {
        String table = context.newTableWithoutStream(name);
        BenchData.seed(context.client(), table, "write-link");
        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient client = DynamoDbClients.create(List.of(meter));
        RequestStreamHandler handler = factory.create(new HashMap<>(context.functionEnvironment(table)), client);
        for (int i = 0; i < WARMUP; i++) {
            call(handler, event.apply(-1 - i), expectedStatus);
        }
        // Paired: each handler request (timed, its calls recorded) is followed at once by those very calls, reads
        // included, replayed raw into another table seeded alike (timed), so drift on a shared machine hits both alike.
        String rawTable = context.newTableWithoutStream(name + "-raw");
        BenchData.seed(context.client(), rawTable, "write-link");
        long handlerNanos = 0;
        long rawNanos = 0;
        int replayed = 0;
        int maxCalls = 0;
        meter.reset();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] request = event.apply(i);
            int before = meter.recorded.size();
            meter.recording = true;
            long start = System.nanoTime();
            call(handler, request, expectedStatus);
            handlerNanos += System.nanoTime() - start;
            meter.recording = false;
            List<SdkRequest> issued = List.copyOf(meter.recorded.subList(before, meter.recorded.size()));
            if (issued.stream().filter(TransactWriteItemsRequest.class::isInstance).count() != 1) {
                throw new IllegalStateException(name + ": expected one transaction per request, saw " + issued);
            }
            replayed += issued.size();
            maxCalls = Math.max(maxCalls, issued.size());
            List<Runnable> replay = issued.stream().map(call -> replay(client, call, rawTable, name)).toList();
            start = System.nanoTime();
            replay.forEach(Runnable::run);
            rawNanos += System.nanoTime() - start;
        }
        // the meter also counted the replays: take them out
        long calls = meter.calls.sum() - replayed;
        // capacity by DynamoDB's billing rules, in an untimed pass (the model reads every item written)
        ModeledCapacity capacity = new ModeledCapacity(context.client(), table,
                context.template().createTableRequest(BenchContext.TABLE_LOGICAL_ID, table));
        RequestStreamHandler modeled = factory.create(new HashMap<>(context.functionEnvironment(table)),
                DynamoDbClients.create(List.of(capacity)));
        for (int i = 0; i < CAPACITY_REQUESTS; i++) {
            call(modeled, event.apply(REQUESTS + i), expectedStatus);
        }
        double reads = capacity.readUnits.sum() / CAPACITY_REQUESTS;
        double writes = capacity.writeUnits.sum() / CAPACITY_REQUESTS;
        double callsPerRequest = (double) calls / REQUESTS;
        // where the handler's time goes: its reads, its transaction, and the rest (parsing, signature, rules)
        double readMillis = meter.meanMillis("BatchGetItem") * meter.count("BatchGetItem") / REQUESTS
                + meter.meanMillis("GetItem") * meter.count("GetItem") / REQUESTS;
        double transactionMillis = meter.meanMillis("TransactWriteItems");
        double handlerSeconds = handlerNanos / 1e9;
        double rawSeconds = rawNanos / 1e9;
        context.dropTables(); // the next path starts on an empty DynamoDB Local
        return List.of(
                Metric.of(name + ".handler.rps", REQUESTS / handlerSeconds, 0),
                Metric.of(name + ".raw.rps", REQUESTS / rawSeconds, 0),
                Metric.of(name + ".throughput.ratio", rawSeconds / handlerSeconds, 2),
                Metric.of(name + ".calls.per.request", callsPerRequest, 2),
                Metric.of(name + ".calls.max", maxCalls),
                Metric.of(name + ".units.read", reads, 2),
                Metric.of(name + ".units.write", writes, 2),
                Metric.of(name + ".reads.ms", readMillis, 2),
                Metric.of(name + ".transaction.ms", transactionMillis, 2),
                Metric.of(name + ".handler.ms", handlerSeconds * 1000 / REQUESTS, 2));
    }

    private static void call(RequestStreamHandler handler, byte[] event, int expectedStatus) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            String response = out.toString(StandardCharsets.UTF_8);
            if (!response.contains("\"statusCode\":" + expectedStatus)) {
                throw new IllegalStateException("unexpected response: " + response);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same call aimed at {@code table}, ready to run (built before the timing starts). */
    static Runnable replay(DynamoDbClient client, SdkRequest request, String table, String path) {
        return switch (request) {
            case TransactWriteItemsRequest r -> {
                TransactWriteItemsRequest retargeted = retarget(r, table);
                yield () -> client.transactWriteItems(retargeted);
            }
            case BatchGetItemRequest r -> {
                Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
                r.requestItems().values().forEach(keys -> items.put(table, keys));
                BatchGetItemRequest retargeted = r.toBuilder().requestItems(items).build();
                yield () -> client.batchGetItem(retargeted);
            }
            case GetItemRequest r -> {
                GetItemRequest retargeted = r.toBuilder().tableName(table).build();
                yield () -> client.getItem(retargeted);
            }
            case QueryRequest r -> {
                QueryRequest retargeted = r.toBuilder().tableName(table).build();
                yield () -> client.query(retargeted);
            }
            default -> throw new IllegalStateException(path + " issued a call the replay does not know: " + request);
        };
    }

    /** The same transaction, aimed at another table. */
    static TransactWriteItemsRequest retarget(TransactWriteItemsRequest request, String table) {
        List<TransactWriteItem> items = request.transactItems().stream().map(item -> {
            TransactWriteItem.Builder copy = item.toBuilder();
            if (item.put() != null) {
                copy.put(item.put().toBuilder().tableName(table).build());
            }
            if (item.update() != null) {
                copy.update(item.update().toBuilder().tableName(table).build());
            }
            if (item.conditionCheck() != null) {
                copy.conditionCheck(item.conditionCheck().toBuilder().tableName(table).build());
            }
            if (item.delete() != null) {
                copy.delete(item.delete().toBuilder().tableName(table).build());
            }
            return copy.build();
        }).toList();
        return request.toBuilder().transactItems(items).build();
    }

    private static Webhook signer(String secret) {
        try {
            return new Webhook(secret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signedSale(Webhook signer, int i) {
        String body = ("{\"id\":\"evt_%d\",\"type\":\"sale\",\"orderId\":\"inv_%d\",\"amount\":12345,\"currency\":\"EUR\","
                + "\"occurredAt\":\"%s\",\"customer\":{\"externalId\":\"cus_%d\"},\"ref\":\"write-link\"}")
                .formatted(i, i, Instant.now().truncatedTo(ChronoUnit.SECONDS), i);
        long now = System.currentTimeMillis() / 1000;
        String id = "msg_" + i;
        try {
            return BenchData.postEvent("POST /webhooks/conversions", "/webhooks/conversions", body, Map.of(
                    "webhook-id", id, "webhook-timestamp", Long.toString(now),
                    "webhook-signature", signer.sign(id, now, body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

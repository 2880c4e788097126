package dev.refer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.stripe.StripeWebhookWiring;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Stripe webhook's write path: 1,000 signed, paid checkout sessions of new buyers through the production handler,
 * each followed at once by a raw replay of <b>every</b> DynamoDB call it issued, reads included (its evidence
 * BatchGetItem, any GetItem, its transaction), into a second table seeded alike. Throughput ratio = raw seconds /
 * handler seconds: what the handler costs beyond the calls it must make (Stripe's signature, JSON, attribution,
 * commission). Also the DynamoDB round trips per event (the goal: at most two).
 */
final class StripeThroughputBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.stripe.requests", 1_000);
    private static final int WARMUP = Integer.getInteger("bench.stripe.warmup", 200);
    private static final String LINK = "stripe-link";

    private final BenchContext context;

    StripeThroughputBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        context.pointSdkAtDynamoDb();
        String table = context.newTableWithoutStream("stripe");
        BenchData.seed(context.client(), table, LINK);
        String rawTable = context.newTableWithoutStream("stripe-raw");
        BenchData.seed(context.client(), rawTable, LINK);
        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient client = DynamoDbClients.create(List.of(meter));
        RequestStreamHandler handler = StripeWebhookWiring.handler(new HashMap<>(context.functionEnvironment(table)),
                client);
        String secret = context.stripeWebhookSecret();
        for (int i = 0; i < WARMUP; i++) {
            call(handler, checkout(secret, "w" + i));
        }
        long handlerNanos = 0;
        long rawNanos = 0;
        long calls = 0;
        int maxCalls = 0;
        meter.reset();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] event = checkout(secret, Integer.toString(i));
            int before = meter.recorded.size();
            meter.recording = true;
            long start = System.nanoTime();
            call(handler, event);
            handlerNanos += System.nanoTime() - start;
            meter.recording = false;
            List<SdkRequest> issued = List.copyOf(meter.recorded.subList(before, meter.recorded.size()));
            calls += issued.size();
            maxCalls = Math.max(maxCalls, issued.size());
            List<Runnable> replay = issued.stream()
                    .map(request -> WriteThroughputBenchmark.replay(client, request, rawTable, "stripe")).toList();
            start = System.nanoTime();
            replay.forEach(Runnable::run);
            rawNanos += System.nanoTime() - start;
        }
        double handlerSeconds = handlerNanos / 1e9;
        double rawSeconds = rawNanos / 1e9;
        context.dropTables();
        return List.of(
                Metric.of("stripe.handler.rps", REQUESTS / handlerSeconds, 0),
                Metric.of("stripe.raw.rps", REQUESTS / rawSeconds, 0),
                Metric.of("stripe.throughput.ratio", rawSeconds / handlerSeconds, 2),
                Metric.of("stripe.calls.per.request", (double) calls / REQUESTS, 2),
                Metric.of("stripe.calls.max", maxCalls),
                Metric.of("stripe.handler.ms", handlerSeconds * 1000 / REQUESTS, 2));
    }

    /** A paid one-off checkout session of a new buyer, referred by the link's code, signed as Stripe signs. */
    private static byte[] checkout(String secret, String n) {
        long now = System.currentTimeMillis() / 1000;
        String body = ("{\"id\":\"evt_%s\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"created\":%d,"
                + "\"data\":{\"object\":{\"id\":\"cs_%s\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                + "\"payment_status\":\"paid\",\"amount_total\":12345,\"currency\":\"eur\",\"payment_intent\":\"pi_%s\","
                + "\"customer\":\"cus_%s\",\"customer_details\":{\"email\":\"buyer%s@acme.example\"},"
                + "\"client_reference_id\":\"%s\",\"metadata\":{}}}}").formatted(n, now, n, n, n, n, LINK);
        return BenchData.postEvent("POST /webhooks/stripe", "/webhooks/stripe", body,
                Map.of("stripe-signature", ColdEvents.stripeSignature(secret, now, body)));
    }

    private static void call(RequestStreamHandler handler, byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            String response = out.toString(StandardCharsets.UTF_8);
            if (!response.contains("\"statusCode\":200") || !response.contains("recorded")) {
                throw new IllegalStateException("unexpected response: " + response);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

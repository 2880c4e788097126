package dev.refer.bench;

import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.redirect.RedirectCpuProbe;
import dev.refer.redirect.RedirectHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The redirect's warm path against DynamoDB Local: the full handler (event parsing, lookup, click write, response)
 * without and with the link cache, next to the very same GetItem + PutItem issued raw on the same client. The three
 * run interleaved in small blocks, so drift on a shared machine hits them alike. Then the handler's own CPU time per
 * request with DynamoDB taken out (in-memory ports).
 */
final class WarmRedirectBenchmark {

    private static final int ITERATIONS = Integer.getInteger("bench.warm.iterations", 10_000);
    private static final int WARMUP = Integer.getInteger("bench.warm.warmup", 1_000);
    private static final int BLOCK = 200;

    private final BenchContext context;

    WarmRedirectBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        LocalAws.pointSdkAt(context);
        String table = context.newTable("warm");
        BenchData.seed(context.client(), table, "warm-link");
        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient client = DynamoDbClients.create(List.of(meter));
        Map<String, String> env = new HashMap<>(context.functionEnvironment(table));
        env.put("CLICK_RETENTION_DAYS", "90");
        env.put("LOOKUP_CACHE_TTL_SECONDS", "0");
        RedirectHandler uncached = RedirectHandler.withClient(env, client);
        env.put("LOOKUP_CACHE_TTL_SECONDS", "30");
        RedirectHandler cached = RedirectHandler.withClient(env, client);
        byte[] event = BenchData.redirectEvent("warm-link");

        // the raw path issues exactly the requests the handler issues: capture one of each
        meter.reset();
        meter.recording = true;
        invoke(uncached, event);
        meter.recording = false;
        GetItemRequest get = (GetItemRequest) meter.recorded.get(0);
        PutItemRequest put = (PutItemRequest) meter.recorded.get(1);
        double readPerRedirect = meter.readUnits.sum();
        double writePerRedirect = meter.writeUnits.sum();
        Runnable raw = () -> {
            client.getItem(get);
            Map<String, AttributeValue> item = new HashMap<>(put.item());
            item.put("pk", AttributeValue.fromS("CLICK#raw" + System.nanoTime()));
            client.putItem(put.toBuilder().item(item).build());
        };

        List<Runnable> variants = List.of(() -> invoke(uncached, event), () -> invoke(cached, event), raw);
        for (int i = 0; i < WARMUP; i++) {
            variants.forEach(Runnable::run);
        }
        List<Percentiles> results = new ArrayList<>();
        variants.forEach(v -> results.add(new Percentiles(ITERATIONS)));
        for (int done = 0; done < ITERATIONS; done += BLOCK) {
            for (int v = 0; v < variants.size(); v++) {
                int variant = (v + done / BLOCK) % variants.size();
                Runnable run = variants.get(variant);
                Percentiles samples = results.get(variant);
                for (int i = 0; i < BLOCK && samples.size() < ITERATIONS; i++) {
                    long start = System.nanoTime();
                    run.run();
                    samples.add(System.nanoTime() - start);
                }
            }
        }
        Percentiles handler = results.get(0), cachedHandler = results.get(1), rawCalls = results.get(2);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("redirect.warm.invocations", handler.size()));
        metrics.add(Metric.of("redirect.warm.p50.ms", handler.ms(50), 3));
        metrics.add(Metric.of("redirect.warm.p99.ms", handler.ms(99), 3));
        metrics.add(Metric.of("redirect.warm.cached.p50.ms", cachedHandler.ms(50), 3));
        metrics.add(Metric.of("redirect.warm.cached.p99.ms", cachedHandler.ms(99), 3));
        metrics.add(Metric.of("redirect.raw.p50.ms", rawCalls.ms(50), 3));
        metrics.add(Metric.of("redirect.raw.p99.ms", rawCalls.ms(99), 3));
        metrics.add(Metric.of("redirect.warm.p50.ratio", handler.ms(50) / rawCalls.ms(50), 2));
        metrics.add(Metric.of("redirect.warm.p99.ratio", handler.ms(99) / rawCalls.ms(99), 2));
        metrics.add(Metric.of("redirect.warm.cached.p50.ratio", cachedHandler.ms(50) / rawCalls.ms(50), 2));
        metrics.add(Metric.of("redirect.warm.cached.p99.ratio", cachedHandler.ms(99) / rawCalls.ms(99), 2));
        metrics.add(Metric.of("redirect.units.read", readPerRedirect, 2));
        metrics.add(Metric.of("redirect.units.write", writePerRedirect, 2));
        metrics.add(Metric.of("redirect.cpu.us", RedirectCpuProbe.microsPerRequest(event), 1));
        return metrics;
    }

    static void invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

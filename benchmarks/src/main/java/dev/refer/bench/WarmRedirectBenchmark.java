package dev.refer.bench;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.lite.AttributeValue;
import dev.refer.dynamodb.lite.LiteConfig;
import dev.refer.dynamodb.lite.LiteDynamoDb;
import dev.refer.redirect.RedirectCpuProbe;
import dev.refer.redirect.RedirectHandler;
import dev.refer.redirect.RedirectWiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** Enough for C2 to finish compiling the handler: with 1,000, compilation still running skewed its p99. */
    private static final int WARMUP = Integer.getInteger("bench.warm.warmup", 5_000);
    private static final int BLOCK = 200;

    private final BenchContext context;

    WarmRedirectBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        context.pointSdkAtDynamoDb();
        String table = context.newTableWithoutStream("warm");
        BenchData.seed(context.client(), table, "warm-link");
        // the redirect's own client (the lean one), shared by the handlers and the raw calls
        LiteDynamoDb client = new LiteDynamoDb(LiteConfig.fromSystem());
        Map<String, String> env = new HashMap<>(context.functionEnvironment(table));
        env.put("CLICK_RETENTION_DAYS", "90");
        env.put("LOOKUP_CACHE_TTL_SECONDS", "0");
        RedirectHandler uncached = RedirectWiring.handler(env, client);
        env.put("LOOKUP_CACHE_TTL_SECONDS", "30");
        RedirectHandler cached = RedirectWiring.handler(env, client);
        byte[] event = BenchData.redirectEvent("warm-link");

        // the raw path issues the same GetItem (the link) and PutItem (a click item of the same shape) on that client
        Map<String, AttributeValue> linkKey = Map.of("pk", new AttributeValue.S("LINK#warm-link"),
                "sk", new AttributeValue.S("LINK"));
        Map<String, AttributeValue> click = sampleClickItem(client, table, linkKey);
        // a fresh click id per write, as the handler's: same key shape, so the same place in DynamoDB Local's B-tree
        UlidGenerator rawIds = new UlidGenerator(Clock.systemUTC());
        Runnable raw = () -> {
            client.getItem(table, linkKey, false);
            Map<String, AttributeValue> item = new HashMap<>(click);
            item.put("pk", new AttributeValue.S("CLICK#" + rawIds.newId()));
            client.putItem(table, item);
        };
        double[] units = unitsPerRedirect(table);
        double readPerRedirect = units[0];
        double writePerRedirect = units[1];

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
        RedirectCpuProbe.Cost cost = RedirectCpuProbe.perRequest(event);
        metrics.add(Metric.of("redirect.cpu.us", cost.cpuMicros(), 1));
        metrics.add(Metric.of("redirect.alloc.bytes", cost.allocatedBytes(), 0));
        return metrics;
    }

    /** The item the handler writes for a click, read back after one real redirect. */
    private Map<String, AttributeValue> sampleClickItem(LiteDynamoDb client, String table,
                                                        Map<String, AttributeValue> linkKey) {
        RedirectHandler handler = RedirectWiring.handler(context.functionEnvironment(table), client);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(BenchData.redirectEvent("warm-link")), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String response = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        String rid = response.replaceAll("(?s).*rid=([0-9A-Z]{26}).*", "$1");
        return client.getItem(table, Map.of("pk", new AttributeValue.S("CLICK#" + rid),
                "sk", new AttributeValue.S("CLICK")), true).orElseThrow(
                () -> new IllegalStateException("the redirect wrote no click: " + response));
    }

    /** Capacity units of the redirect's two calls, as DynamoDB reports them (via the SDK, which can ask). */
    private double[] unitsPerRedirect(String table) {
        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient sdk = DynamoDbClients.create(List.of(meter));
        TableConfig config = new TableConfig(table, new ProgramId(BenchContext.PROGRAM_ID));
        Link link = new DynamoDbLinkRepository(sdk, config).find(new LinkCode("warm-link")).orElseThrow();
        double read = meter.readUnits.sum();
        new DynamoDbClickRepository(sdk, config).record(new Click(new ClickId(new UlidGenerator(Clock.systemUTC()).newId()),
                link.code(), link.partnerId(), link.campaign(), Instant.now(), Instant.now().plus(Duration.ofDays(90))));
        return new double[]{read, meter.writeUnits.sum()};
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

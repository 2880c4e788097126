package dev.refer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.counters.ClickRollupWiring;
import dev.refer.counters.CountersWiring;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.StreamSource;
import dev.refer.lambda.LambdaJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What counting clicks costs under realistic traffic: clicks Zipf-distributed over 10,000 links of 2,000 partners at
 * 20 clicks a second, delivered to the counters function as Lambda would with the template's batch settings (batch
 * size, batching window) over the stream's shards, for {@value #DEFAULT_HOURS} simulated hours. Every batch runs
 * through the real handler against DynamoDB Local, which reports the capacity each call consumes. First, one batch
 * with a click on every link brings the counter items to their size late in a month (every link counted), and is
 * not measured. The click roll-up runs on the template's schedule in simulated time, its cost beside the counting's.
 * Also simulates the redirect's link cache under the same traffic (its miss ratio).
 *
 * <p>Assumption, printed with the figures: the stream has {@value #DEFAULT_STREAM_SHARDS} shards (one per table
 * partition); more shards split the same clicks into more, smaller batches.
 */
final class ClickCountingBenchmark {

    static final int DEFAULT_HOURS = 2;
    static final int DEFAULT_STREAM_SHARDS = 4;
    private static final int LINKS = Integer.getInteger("bench.clicks.links", 10_000);
    private static final int PARTNERS = Integer.getInteger("bench.clicks.partners", 2_000);
    private static final double PER_SECOND = Double.parseDouble(System.getProperty("bench.clicks.per_second", "20"));
    private static final double ZIPF = Double.parseDouble(System.getProperty("bench.clicks.zipf", "1.0"));
    private static final int HOURS = Integer.getInteger("bench.clicks.hours", DEFAULT_HOURS);
    private static final int STREAM_SHARDS = Integer.getInteger("bench.clicks.stream_shards", DEFAULT_STREAM_SHARDS);
    /** Execution environments serving the redirect at this rate (Lambda spreads requests over a few). */
    private static final int REDIRECT_ENVIRONMENTS = Integer.getInteger("bench.clicks.redirect_environments", 2);

    private final BenchContext context;
    private long sequence;

    ClickCountingBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        context.pointSdkAtDynamoDb();
        FunctionDef counters = context.template().function("CountersFunction");
        StreamSource source = counters.streams().getFirst();
        int window = source.maximumBatchingWindowSeconds();
        int perBatch = (int) Math.min(source.batchSize(), Math.round(PER_SECOND * window / STREAM_SHARDS));
        int batches = (int) (HOURS * 3600L / window) * STREAM_SHARDS;

        FunctionDef rollup = context.template().function("ClickRollupFunction");
        long rollupEvery = rateSeconds(rollup.schedules().getFirst().expression());
        // timed: what the function's invocations take; then the same traffic again, its capacity modeled
        Pass timed = simulate(source, window, perBatch, batches, rollupEvery, false);
        Pass modeled = simulate(source, window, perBatch, batches, rollupEvery, true);
        long clicks = (long) perBatch * batches;
        int memoryMb = counters.memorySizeMb();
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("clicks.assumed", LINKS + " links, " + PARTNERS + " partners, Zipf " + ZIPF + ", "
                + PER_SECOND + "/s, " + STREAM_SHARDS + " stream shards, window " + window + " s"));
        metrics.add(Metric.of("clicks.simulated", clicks));
        metrics.add(Metric.of("clicks.per.batch", perBatch));
        metrics.add(Metric.of("clicks.counting.calls.per.batch", timed.calls / batches, 2));
        metrics.add(Metric.of("clicks.counting.units.write.per.batch", modeled.writeUnits / batches, 1));
        metrics.add(Metric.of("clicks.counting.units.write.per_click", modeled.writeUnits / clicks, 4));
        metrics.add(Metric.of("clicks.counting.units.read.per_click", modeled.readUnits / clicks, 4));
        metrics.add(Metric.of("clicks.counting.invocations.per_click", (double) batches / clicks, 5));
        metrics.add(Metric.of("clicks.counting.gb_ms.per_click", timed.nanos / 1e6 / clicks * memoryMb / 1024.0, 4));
        metrics.add(Metric.of("clicks.rollup.runs", timed.rollups));
        metrics.add(Metric.of("clicks.rollup.units.write.per_click", modeled.rollupWriteUnits / clicks, 4));
        metrics.add(Metric.of("clicks.rollup.units.read.per_click", modeled.rollupReadUnits / clicks, 4));
        metrics.add(Metric.of("clicks.rollup.invocations.per_click", (double) timed.rollups / clicks, 6));
        metrics.add(Metric.of("clicks.rollup.gb_ms.per_click",
                timed.rollupNanos / 1e6 / clicks * rollup.memorySizeMb() / 1024.0, 4));
        metrics.add(Metric.of("clicks.rollup.seconds.per.run", timed.rollupNanos / 1e9 / timed.rollups, 2));
        metrics.addAll(largestBatch(source.batchSize()));
        ClickTraffic traffic = new ClickTraffic(LINKS, PARTNERS, ZIPF, 7);
        metrics.add(Metric.of("redirect.realistic.cache_miss.ratio", traffic.cacheMissRatio(
                (int) Math.min(Integer.MAX_VALUE, clicks), PER_SECOND, REDIRECT_ENVIRONMENTS,
                Double.parseDouble(context.template().parameterDefaults().getOrDefault("LookupCacheTtlSeconds",
                        "30"))), 3));
        return metrics;
    }

    /**
     * How long the largest batch the template allows takes, which the function's timeout must fit (template:
     * CountersFunction Timeout): a batch of clicks on as many links (one delta line each), then the same number of
     * sales of as many partners (two counter items each: the most transactions a batch can need), each counted, then
     * delivered again as Lambda's bisection does (each half), which must count nothing.
     */
    private List<Metric> largestBatch(int size) {
        String table = context.newTableWithoutStream("largest");
        RequestStreamHandler handler = CountersWiring.handler(context.functionEnvironment(table),
                context.client());
        ClickTraffic traffic = new ClickTraffic(size, size, ZIPF, 11);
        List<Integer> links = new ArrayList<>(size);
        for (int link = 0; link < size; link++) {
            links.add(link);
        }
        List<Metric> metrics = new ArrayList<>();
        byte[] clicks = batch(traffic, links, 0, Instant.now());
        long began = System.nanoTime();
        invoke(handler, clicks);
        metrics.add(Metric.of("counters.batch" + size + ".ms", (System.nanoTime() - began) / 1e6, 0));

        var stats = new dev.refer.dynamodb.stats.DynamoDbStatsRepository(context.client(),
                dev.refer.dynamodb.TableConfig.fromEnv(context.functionEnvironment(table)));
        List<dev.refer.core.stats.StatsRepository.Projected> sales = new ArrayList<>(size);
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            sales.add(new dev.refer.core.stats.StatsRepository.Projected(String.format("9%024d", ++sequence),
                    List.of(dev.refer.core.stats.StatsDelta.forPartner(new dev.refer.core.partner.PartnerId(
                            String.format("P%025d", i)), now, java.time.ZoneOffset.UTC).event(dev.refer.core.stats.Counters.SALES, 1).build()),
                    null));
        }
        began = System.nanoTime();
        var applied = stats.apply("largest", sales);
        long salesNanos = System.nanoTime() - began;
        if (applied.firstFailedSequenceNumber() != null || applied.appliedRecords() != size) {
            throw new IllegalStateException("the largest batch of sales was not counted: " + applied);
        }
        metrics.add(Metric.of("counters.batch" + size + ".partners.ms", salesNanos / 1e6, 0));

        began = System.nanoTime();
        var first = stats.apply("largest", sales.subList(0, size / 2));
        var second = stats.apply("largest", sales.subList(size / 2, size));
        metrics.add(Metric.of("counters.batch" + size + ".halves_again.ms", (System.nanoTime() - began) / 1e6, 0));
        metrics.add(Metric.of("counters.batch" + size + ".halves_again.counted",
                first.appliedRecords() + second.appliedRecords()));
        context.dropTables();
        return metrics;
    }

    private record Pass(double nanos, double calls, double writeUnits, double readUnits, int rollups,
                        double rollupNanos, double rollupWriteUnits, double rollupReadUnits) {
    }

    /** Seconds between runs of a {@code rate(N unit)} schedule. */
    static long rateSeconds(String expression) {
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)")
                .matcher(expression.strip());
        if (!rate.matches()) {
            throw new IllegalStateException("the benchmark needs a rate(...) schedule, not " + expression);
        }
        long n = Long.parseLong(rate.group(1));
        return switch (rate.group(2)) {
            case "minute", "minutes" -> n * 60;
            case "hour", "hours" -> n * 3600;
            default -> n * 86400;
        };
    }

    private Pass simulate(StreamSource source, int window, int perBatch, int batches, long rollupEvery,
                          boolean modeled) {
        String table = context.newTableWithoutStream("clicks");
        DynamoDbMeter meter = new DynamoDbMeter();
        ModeledCapacity capacity = new ModeledCapacity(context.client(), table,
                context.template().createTableRequest(BenchContext.TABLE_LOGICAL_ID, table));
        DynamoDbClient client = DynamoDbClients.create(modeled ? List.of(meter, capacity) : List.of(meter));
        RequestStreamHandler handler = CountersWiring.handler(context.functionEnvironment(table), client);
        DynamoDbMeter rollupMeter = new DynamoDbMeter();
        ModeledCapacity rollupCapacity = new ModeledCapacity(context.client(), table,
                context.template().createTableRequest(BenchContext.TABLE_LOGICAL_ID, table));
        RequestStreamHandler rollUp = ClickRollupWiring.handler(context.functionEnvironment(table),
                DynamoDbClients.create(modeled ? List.of(rollupMeter, rollupCapacity) : List.of(rollupMeter)));
        ClickTraffic traffic = new ClickTraffic(LINKS, PARTNERS, ZIPF, 42);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // late in a month: every link and partner already counted once
        List<Integer> everyLink = new ArrayList<>();
        for (int link = 0; link < traffic.links(); link++) {
            everyLink.add(link);
        }
        for (int from = 0; from < everyLink.size(); from += source.batchSize()) {
            invoke(handler, batch(traffic, everyLink.subList(from, Math.min(everyLink.size(),
                    from + source.batchSize())), 0, start));
        }
        runRollUp(rollUp);

        meter.reset();
        capacity.reset();
        rollupCapacity.reset();
        long nanos = 0;
        long rollupNanos = 0;
        int rollups = 0;
        long windowsPerRollUp = Math.max(1, rollupEvery / window);
        for (int b = 0; b < batches; b++) {
            List<Integer> links = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++) {
                links.add(traffic.nextLink());
            }
            byte[] event = batch(traffic, links, b % STREAM_SHARDS,
                    start.plus(Duration.ofSeconds((long) (b / STREAM_SHARDS) * window)));
            long began = System.nanoTime();
            invoke(handler, event);
            nanos += System.nanoTime() - began;
            boolean windowEnds = b % STREAM_SHARDS == STREAM_SHARDS - 1;
            if (windowEnds && (b / STREAM_SHARDS + 1) % windowsPerRollUp == 0) {
                began = System.nanoTime();
                runRollUp(rollUp);
                rollupNanos += System.nanoTime() - began;
                rollups++;
            }
        }
        Pass pass = new Pass(nanos, meter.calls.sum(), capacity.writeUnits.sum(), capacity.readUnits.sum(), rollups,
                rollupNanos, rollupCapacity.writeUnits.sum(), rollupCapacity.readUnits.sum());
        context.dropTables();
        return pass;
    }

    /** A stream batch of one click per entry of {@code links} (by rank), as Lambda hands it to the function. */
    private byte[] batch(ClickTraffic traffic, List<Integer> links, int shard, Instant windowStart) {
        List<Map<String, Object>> records = new ArrayList<>(links.size());
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/bench/stream/2026-01-01T00:00:00.000";
        for (int i = 0; i < links.size(); i++) {
            int link = links.get(i);
            Instant at = windowStart.plusMillis(i * 1000L * 300 / Math.max(1, links.size()));
            String pk = "CLICK#" + (shard + 1) + "-" + (sequence + 1);
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("pk", Map.of("S", pk));
            image.put("sk", Map.of("S", "CLICK"));
            image.put("type", Map.of("S", "CLICK"));
            image.put("code", Map.of("S", traffic.code(link)));
            image.put("partnerId", Map.of("S", traffic.owner(link)));
            image.put("at", Map.of("S", at.toString()));
            Map<String, Object> dynamodb = new LinkedHashMap<>();
            dynamodb.put("ApproximateCreationDateTime", at.getEpochSecond());
            dynamodb.put("Keys", Map.of("pk", Map.of("S", pk), "sk", Map.of("S", "CLICK")));
            dynamodb.put("NewImage", image);
            dynamodb.put("SequenceNumber", String.format("%d%024d", shard + 1, ++sequence));
            dynamodb.put("SizeBytes", 180);
            dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("eventID", Long.toHexString(sequence));
            record.put("eventName", "INSERT");
            record.put("eventVersion", "1.1");
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", "us-east-1");
            record.put("dynamodb", dynamodb);
            record.put("eventSourceARN", arn);
            records.add(record);
        }
        return LambdaJson.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8);
    }

    private static void runRollUp(RequestStreamHandler rollUp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            rollUp.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!out.toString(StandardCharsets.UTF_8).contains("\"epoch\"")) {
            throw new IllegalStateException("the roll-up failed: " + out);
        }
    }

    private static void invoke(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String response = out.toString(StandardCharsets.UTF_8);
        if (!response.contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("the counters function reported a failure: " + response);
        }
    }
}

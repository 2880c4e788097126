package dev.refer.local.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.emulators.StreamSource;
import dev.refer.local.lambda.LocalFunction;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event source mapping of one function on one table stream, as Lambda runs it: reads every shard in order
 * (parents before children), drops records the filter rejects, invokes the function with batches of at most
 * BatchSize, and on failure retries from the first failed record (the whole batch, or the first item the function
 * reported in {@code batchItemFailures}). With BisectBatchOnFunctionError, a batch that fails as a function error is
 * split in two (splits do not count as retries); once MaximumRetryAttempts are spent, the batch's description goes
 * to the on-failure destination (Lambda's {@code DDBStreamBatchInfo} record) and its records are skipped. Unlike
 * Lambda it does not wait MaximumBatchingWindowInSeconds to fill a batch: locally, promptness matters more than
 * batch size.
 */
final class StreamPoller implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);
    private static final int SHARD_REFRESH_CYCLES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StreamSource source;
    private final EventFilter filter;
    private final LocalFunction function;
    private final String region;
    private final Consumer<String> onFailure;
    private final Thread thread;
    private final AtomicLong recordsRead = new AtomicLong();
    private final Object signal = new Object();

    // Guarded by signal: cycles started, the last cycle that found nothing to do, a request to poll right away.
    private long startedCycles;
    private long lastIdleCycle = -1;
    private boolean nudged;

    // Touched by the polling thread only.
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private boolean shardEnded;

    private volatile boolean running = true;
    private volatile String busyReason = "not started";

    /** @param onFailure receives the on-failure record of a batch whose retries are spent (Lambda's destination) */
    StreamPoller(DynamoDbStreamsClient streams, String streamArn, StreamSource source, LocalFunction function,
                 String region, Consumer<String> onFailure) {
        this.onFailure = onFailure;
        this.streams = streams;
        this.streamArn = streamArn;
        this.source = source;
        this.filter = EventFilter.of(source.filterPatterns());
        this.function = function;
        this.region = region;
        this.thread = new Thread(this::run, "stream-" + function.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String name() {
        return function.name() + " (" + source.eventName() + ")";
    }

    /**
     * Waits until a polling cycle that began after this call found nothing new and nothing left to retry.
     *
     * @return false when the deadline passed first
     */
    boolean awaitIdle(Instant deadline) throws InterruptedException {
        synchronized (signal) {
            long target = startedCycles + 1;
            nudged = true;
            signal.notifyAll();
            while (lastIdleCycle < target) {
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0 || !thread.isAlive()) {
                    return false;
                }
                signal.wait(waitMillis);
            }
            return true;
        }
    }

    /** Records read from the stream so far, delivered or filtered out. */
    long recordsRead() {
        return recordsRead.get();
    }

    String busyReason() {
        return busyReason;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            long cycle;
            synchronized (signal) {
                cycle = ++startedCycles;
            }
            Duration pause;
            try {
                if (cycle == 1 || cycle % SHARD_REFRESH_CYCLES == 0 || shardEnded) {
                    refreshShards();
                }
                boolean busy = pollShards();
                // Keep reading while records flow; otherwise wait for the next poll or the next retry.
                pause = !busy ? POLL_INTERVAL : retryPending() ? retryDelay() : Duration.ZERO;
                if (!busy) {
                    markIdle(cycle);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                busyReason = "polling failed: " + e;
                System.err.println("[" + name() + "] stream polling failed, retrying: " + e);
                pause = POLL_INTERVAL;
            }
            if (!pause.isZero()) {
                awaitNudge(pause);
            }
        }
    }

    private void markIdle(long cycle) {
        synchronized (signal) {
            lastIdleCycle = cycle;
            busyReason = "idle";
            signal.notifyAll();
        }
    }

    private void awaitNudge(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            try {
                while (!nudged && running) {
                    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                    if (remainingMillis <= 0) {
                        break;
                    }
                    signal.wait(remainingMillis);
                }
            } catch (InterruptedException e) {
                running = false;
            }
            nudged = false;
        }
    }

    /**
     * Learns the stream's shards. Those present at start begin at the StartingPosition; a shard that appears later
     * is read from its start, as Lambda reads child shards. Finished shards stay known, so they are never re-read.
     */
    private void refreshShards() {
        boolean firstRefresh = shards.isEmpty();
        String lastShardId = null;
        do {
            String exclusiveStart = lastShardId;
            var description = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                shards.computeIfAbsent(shard.shardId(), id -> new ShardState(id, shard.parentShardId(),
                        firstRefresh ? startingPosition() : ShardIteratorType.TRIM_HORIZON));
            }
            lastShardId = description.lastEvaluatedShardId();
        } while (lastShardId != null);
        shardEnded = false;
    }

    private ShardIteratorType startingPosition() {
        return ShardIteratorType.fromValue(source.startingPosition());
    }

    /** One pass over the shards; true when there was anything to deliver or retry. */
    private boolean pollShards() {
        boolean busy = false;
        for (ShardState shard : List.copyOf(shards.values())) {
            ShardState parent = shard.parentId == null ? null : shards.get(shard.parentId);
            if (parent != null && !(parent.ended && parent.pending.isEmpty())) {
                continue; // records of a key must be delivered in order: the parent shard first
            }
            if (shard.pending.isEmpty() && !shard.ended) {
                busy |= fetch(shard);
            }
            if (!shard.pending.isEmpty()) {
                deliver(shard);
                busy = true;
            }
        }
        return busy;
    }

    private boolean fetch(ShardState shard) {
        if (shard.iterator == null) {
            shard.iterator = streams.getShardIterator(r -> {
                r.streamArn(streamArn).shardId(shard.id).shardIteratorType(shard.iteratorType);
                if (shard.lastSequenceNumber != null) {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                            .sequenceNumber(shard.lastSequenceNumber);
                }
            }).shardIterator();
        }
        GetRecordsResponse response;
        try {
            String iterator = shard.iterator;
            response = streams.getRecords(r -> r.shardIterator(iterator).limit(1000));
        } catch (ExpiredIteratorException e) {
            shard.iterator = null; // read again after the last record seen
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException e) {
            // The iterator points before the shard's oldest record (DynamoDB Local reports this for an iterator taken
            // on a shard without records once records have come and gone). Take a new one, after the last record
            // seen or at the shard's start, as Lambda's event source mapping does.
            shard.iterator = null;
            if (shard.lastSequenceNumber == null) {
                shard.iteratorType = ShardIteratorType.TRIM_HORIZON;
            }
            return true;
        }
        shard.iterator = response.nextShardIterator();
        if (shard.iterator == null) {
            shard.ended = true;
            shardEnded = true; // its children may have appeared: look again
        }
        recordsRead.addAndGet(response.records().size());
        for (Record record : response.records()) {
            shard.lastSequenceNumber = record.dynamodb().sequenceNumber();
            ObjectNode json = StreamRecords.record(record, streamArn, region);
            if (filter.matches(json)) {
                shard.pending.add(json);
            }
        }
        return !response.records().isEmpty();
    }

    private void deliver(ShardState shard) {
        while (!shard.pending.isEmpty()) {
            if (Instant.now().isBefore(shard.retryAt)) {
                busyReason = "retrying a failed batch of " + shard.pending.size() + " record(s)";
                return;
            }
            int size = Math.min(Math.min(source.batchSize(), shard.batchLimit), shard.pending.size());
            List<ObjectNode> batch = List.copyOf(shard.pending.subList(0, size));
            Invocation invocation = invoke(batch);
            if (invocation.firstFailure() < 0) {
                shard.pending.subList(0, batch.size()).clear();
                shard.attempts = 0;
                shard.batchLimit = Integer.MAX_VALUE;
                continue;
            }
            if (invocation.functionError() && source.bisectOnFunctionError() && batch.size() > 1) {
                shard.batchLimit = Math.max(1, batch.size() / 2); // a split is not a retry
                continue;
            }
            int firstFailure = invocation.firstFailure();
            shard.pending.subList(0, firstFailure).clear();
            shard.attempts++;
            if (source.maximumRetryAttempts() >= 0 && shard.attempts > source.maximumRetryAttempts()) {
                List<ObjectNode> skipped = batch.subList(firstFailure, batch.size());
                System.err.printf("[%s] skipping %d record(s) after %d retries; their description goes to the"
                        + " on-failure destination%n", name(), skipped.size(), shard.attempts - 1);
                if (onFailure != null) {
                    onFailure.accept(failureRecord(shard, skipped));
                }
                shard.pending.subList(0, skipped.size()).clear();
                shard.attempts = 0;
                shard.batchLimit = Integer.MAX_VALUE;
                continue;
            }
            long delay = Math.min(MAX_RETRY_DELAY.toMillis(), POLL_INTERVAL.toMillis() << Math.min(shard.attempts, 10));
            shard.retryAt = Instant.now().plusMillis(delay);
            busyReason = "retrying a failed batch of " + shard.pending.size() + " record(s)";
            return;
        }
    }

    /**
     * @param firstFailure  index in the batch of the first record to retry, or -1 when the whole batch succeeded
     * @param functionError the function failed (rather than reporting failed items)
     */
    private record Invocation(int firstFailure, boolean functionError) {
    }

    private Invocation invoke(List<ObjectNode> batch) {
        byte[] output;
        try {
            output = function.invoke(StreamRecords.event(batch));
        } catch (IOException | RuntimeException e) {
            System.err.println("[" + name() + "] the function failed on a batch of " + batch.size()
                    + " record(s); it will be retried:");
            e.printStackTrace();
            return new Invocation(0, true);
        }
        return new Invocation(source.reportBatchItemFailures() ? firstReportedFailure(output, batch) : -1, false);
    }

    /** Lambda's on-failure record for a stream batch: where the records are, not the records themselves. */
    private String failureRecord(ShardState shard, List<ObjectNode> records) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode context = message.putObject("requestContext");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        context.put("functionArn", "arn:aws:lambda:" + region + ":123456789012:function:" + function.name());
        context.put("condition", "RetryAttemptsExhausted");
        context.put("approximateInvokeCount", shard.attempts);
        message.putObject("responseContext").put("statusCode", 200).put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shard.id);
        info.put("startSequenceNumber", records.getFirst().at("/dynamodb/SequenceNumber").asText());
        info.put("endSequenceNumber", records.getLast().at("/dynamodb/SequenceNumber").asText());
        info.put("approximateArrivalOfFirstRecord", Instant.ofEpochSecond(
                records.getFirst().at("/dynamodb/ApproximateCreationDateTime").asLong()).toString());
        info.put("approximateArrivalOfLastRecord", Instant.ofEpochSecond(
                records.getLast().at("/dynamodb/ApproximateCreationDateTime").asLong()).toString());
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        return message.toString();
    }

    /** Lambda's partial batch response: retry from the earliest reported item; an unknown item fails the batch. */
    private int firstReportedFailure(byte[] output, List<ObjectNode> batch) {
        JsonNode failures;
        try {
            failures = output.length == 0 ? null : JSON.readTree(output).path("batchItemFailures");
        } catch (IOException e) {
            return -1; // a response that is not a partial batch response counts as success, as in Lambda
        }
        if (failures == null || !failures.isArray() || failures.isEmpty()) {
            return -1;
        }
        List<String> sequenceNumbers = batch.stream()
                .map(record -> record.path("dynamodb").path("SequenceNumber").asText()).toList();
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            int index = sequenceNumbers.indexOf(failure.path("itemIdentifier").asText(""));
            if (index < 0) {
                return 0;
            }
            first = Math.min(first, index);
        }
        return first;
    }

    private boolean retryPending() {
        return shards.values().stream().anyMatch(s -> !s.pending.isEmpty());
    }

    private Duration retryDelay() {
        Instant now = Instant.now();
        return shards.values().stream().filter(s -> !s.pending.isEmpty())
                .map(s -> Duration.between(now, s.retryAt))
                .filter(d -> !d.isNegative())
                .min(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Where the poller is in one shard, and what it still has to deliver from it. */
    private static final class ShardState {
        final String id;
        final String parentId;
        ShardIteratorType iteratorType;
        final List<ObjectNode> pending = new ArrayList<>();
        String iterator;
        String lastSequenceNumber;
        boolean ended;
        int attempts;
        /** Below BatchSize while a bisected batch is retried. */
        int batchLimit = Integer.MAX_VALUE;
        Instant retryAt = Instant.MIN;

        ShardState(String id, String parentId, ShardIteratorType iteratorType) {
            this.id = id;
            this.parentId = parentId;
            this.iteratorType = iteratorType;
        }
    }
}

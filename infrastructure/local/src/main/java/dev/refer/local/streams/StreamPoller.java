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

/**
 * The event source mapping of one function on one table stream, as Lambda runs it: reads every shard in order
 * (parents before children), drops records the filter rejects, invokes the function with batches of at most
 * BatchSize, and on failure retries from the first failed record (the whole batch, or the first item the function
 * reported in {@code batchItemFailures}). Unlike Lambda it does not wait MaximumBatchingWindowInSeconds to fill a
 * batch: locally, promptness matters more than batch size.
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

    StreamPoller(DynamoDbStreamsClient streams, String streamArn, StreamSource source, LocalFunction function,
                 String region) {
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
            List<ObjectNode> batch = List.copyOf(shard.pending.subList(0, Math.min(source.batchSize(),
                    shard.pending.size())));
            int firstFailure = invoke(batch);
            if (firstFailure < 0) {
                shard.pending.subList(0, batch.size()).clear();
                shard.attempts = 0;
                continue;
            }
            shard.pending.subList(0, firstFailure).clear();
            shard.attempts++;
            if (source.maximumRetryAttempts() >= 0 && shard.attempts > source.maximumRetryAttempts()) {
                System.err.printf("[%s] discarding %d record(s) after %d retries (Lambda would send them to the"
                        + " on-failure destination)%n", name(), batch.size() - firstFailure, shard.attempts - 1);
                shard.pending.subList(0, batch.size() - firstFailure).clear();
                shard.attempts = 0;
                continue;
            }
            long delay = Math.min(MAX_RETRY_DELAY.toMillis(), POLL_INTERVAL.toMillis() << Math.min(shard.attempts, 10));
            shard.retryAt = Instant.now().plusMillis(delay);
            busyReason = "retrying a failed batch of " + shard.pending.size() + " record(s)";
            return;
        }
    }

    /** Index in the batch of the first record to retry, or -1 when the whole batch succeeded. */
    private int invoke(List<ObjectNode> batch) {
        byte[] output;
        try {
            output = function.invoke(StreamRecords.event(batch));
        } catch (IOException | RuntimeException e) {
            System.err.println("[" + name() + "] the function failed on a batch of " + batch.size()
                    + " record(s); it will be retried:");
            e.printStackTrace();
            return 0;
        }
        return source.reportBatchItemFailures() ? firstReportedFailure(output, batch) : -1;
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
        final ShardIteratorType iteratorType;
        final List<ObjectNode> pending = new ArrayList<>();
        String iterator;
        String lastSequenceNumber;
        boolean ended;
        int attempts;
        Instant retryAt = Instant.MIN;

        ShardState(String id, String parentId, ShardIteratorType iteratorType) {
            this.id = id;
            this.parentId = parentId;
            this.iteratorType = iteratorType;
        }
    }
}

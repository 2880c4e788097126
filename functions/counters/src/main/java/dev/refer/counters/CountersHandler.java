package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.core.stats.StatsRepository;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbStatsRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Consumes the table's stream (the template filters it to inserted clicks and to stored or changed leads, orders and
 * ledger entries) and keeps every counter: the stream projection ({@link ProjectCounters}). Reads Lambda's
 * {@link DynamodbEvent} and answers its partial batch response ({@link StreamsEventResponse}): the first record of a
 * chunk that could not be written, so Lambda redelivers from there and chunks applied before are recognised and
 * skipped.
 *
 * <p>It never fails as a function once it has applied a chunk: a failure is reported as a batch item failure, so
 * Lambda resumes at that record instead of bisecting the batch (bisecting only retries batches that failed before
 * anything was written, such as an event that cannot be read). A record that cannot be read is reported the same
 * way: after the template's retries, Lambda sends the batch's description to the dead-letter queue.
 */
public final class CountersHandler implements RequestStreamHandler {

    private final ProjectCounters counters;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public CountersHandler() {
        this(System.getenv());
    }

    public CountersHandler(Map<String, String> env) {
        this(env, DynamoDbClients.create(env));
        this.priming = SnapStartPriming.register(() -> CountersPriming.prime(this), () -> { });
    }

    private CountersHandler(Map<String, String> env, DynamoDbClient client) {
        this(new ProjectCounters(new DynamoDbStatsRepository(client, TableConfig.fromEnv(env)),
                ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"))));
    }

    /** The handler on a given client (benchmarks meter its calls); no SnapStart hooks. */
    public static CountersHandler withClient(Map<String, String> env, DynamoDbClient client) {
        return new CountersHandler(env, client);
    }

    CountersHandler(ProjectCounters counters) {
        this.counters = counters;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamsEventResponse response = handle(LambdaJson.readEvent(input, DynamodbEvent.class));
        output.write(LambdaJson.writeBytes(response));
    }

    StreamsEventResponse handle(DynamodbEvent event) {
        StreamBatch batch = StreamBatch.of(event);
        StatsRepository.Applied applied = counters.count(batch.streamKey(), batch.changes());
        String failedAt = applied.firstFailedSequenceNumber() != null ? applied.firstFailedSequenceNumber()
                : batch.unreadable();
        Log.info("counters.applied", "records", batch.records(), "counted", applied.appliedRecords(),
                "duplicateChunks", applied.duplicateChunks(), "failedAt", failedAt);
        List<StreamsEventResponse.BatchItemFailure> failures = failedAt == null ? List.of()
                : List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(failedAt).build());
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}

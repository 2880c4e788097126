package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.core.stats.StatsRepository;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbStatsRepository;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.StreamChanges;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    private CountersHandler(Map<String, String> env, DynamoDbClient client) {
        this(new ProjectCounters(new DynamoDbStatsRepository(client, TableConfig.fromEnv(env))));
    }

    /** The handler on a given client (benchmarks meter its calls); no SnapStart hooks. */
    public static CountersHandler withClient(Map<String, String> env, DynamoDbClient client) {
        return new CountersHandler(env, client);
    }

    CountersHandler(ProjectCounters counters) {
        this.counters = counters;
    }

    /**
     * SnapStart: before the snapshot, a stream batch with one click, counted while DynamoDB refuses every write
     * ({@link Priming}): the event and response types through Jackson, the batch translation, the projection and the
     * counting transaction run, and nothing is written (the refused chunk reads as counted before).
     */
    private void prime() {
        try (InputStream in = getClass().getResourceAsStream("/priming/stream-batch.json")) {
            byte[] batch = in.readAllBytes();
            Priming.refused(() -> {
                try {
                    handleRequest(new ByteArrayInputStream(batch), OutputStream.nullOutputStream(), null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamsEventResponse response = handle(LambdaJson.readEvent(input, DynamodbEvent.class));
        output.write(LambdaJson.writeBytes(response));
    }

    StreamsEventResponse handle(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of()
                : event.getRecords();
        String streamKey = "stream";
        List<ProjectCounters.Change> changes = new ArrayList<>(records.size());
        String unreadable = null;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            streamKey = streamKey(record.getEventSourceARN(), streamKey);
            try {
                ProjectCounters.Change change = change(record);
                if (change != null) {
                    changes.add(change);
                }
            } catch (RuntimeException e) {
                // count what precedes it; Lambda retries from it, then hands the batch to the dead-letter queue
                Log.error("counters.unreadable_record", e, "sequenceNumber",
                        record.getDynamodb().getSequenceNumber());
                unreadable = record.getDynamodb().getSequenceNumber();
                break;
            }
        }
        StatsRepository.Applied applied = counters.count(streamKey, changes);
        String failedAt = applied.firstFailedSequenceNumber() != null ? applied.firstFailedSequenceNumber()
                : unreadable;
        Log.info("counters.applied", "records", records.size(), "counted", applied.appliedRecords(),
                "duplicateChunks", applied.duplicateChunks(), "failedAt", failedAt);
        List<StreamsEventResponse.BatchItemFailure> failures = failedAt == null ? List.of()
                : List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(failedAt).build());
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static ProjectCounters.Change change(DynamodbEvent.DynamodbStreamRecord record) {
        var images = record.getDynamodb();
        return StreamChanges.of(record.getEventName(), images.getSequenceNumber(),
                images.getOldImage() == null ? null
                        : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getOldImage()),
                images.getNewImage() == null ? null
                        : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getNewImage()));
    }

    /** The stream ARN's label: with a sequence number it names a chunk uniquely. */
    private static String streamKey(String arn, String current) {
        return arn != null && arn.contains("/stream/") ? arn.substring(arn.lastIndexOf("/stream/") + 8) : current;
    }
}

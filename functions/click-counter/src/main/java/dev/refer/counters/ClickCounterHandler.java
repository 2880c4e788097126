package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.stats.CountClicks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbStatsRepository;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Consumes the table's stream (the template filters it to inserted CLICK items) and keeps the click counters.
 * Reads Lambda's {@link DynamodbEvent} and answers its partial batch response ({@link StreamsEventResponse}): the
 * first record of a chunk that could not be written, so Lambda redelivers from there and chunks already counted are
 * recognised and skipped.
 */
public final class ClickCounterHandler implements RequestStreamHandler {

    private final CountClicks countClicks;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public ClickCounterHandler() {
        this(System.getenv());
    }

    public ClickCounterHandler(Map<String, String> env) {
        this(new CountClicks(new DynamoDbStatsRepository(DynamoDbClients.create(), TableConfig.fromEnv(env))));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    ClickCounterHandler(CountClicks countClicks) {
        this.countClicks = countClicks;
    }

    /**
     * SnapStart: before the snapshot, a stream batch with one click, counted while DynamoDB refuses every write
     * ({@link Priming}): the event and response types through Jackson, the batch translation, the use case and
     * the counting transaction run, and nothing is written (the refused chunk reads as counted before).
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
        StreamBatch batch = StreamBatch.of(event);
        CountClicks.Outcome outcome = countClicks.count(batch.streamKey(), batch.clicks());
        Log.info("clicks.counted", "records", batch.clicks().size(), "counted", outcome.countedClicks(),
                "duplicateChunks", outcome.duplicateChunks(), "failedAt", outcome.firstFailedSequenceNumber());
        List<StreamsEventResponse.BatchItemFailure> failures = outcome.firstFailedSequenceNumber() == null ? List.of()
                : List.of(StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(outcome.firstFailedSequenceNumber()).build());
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}

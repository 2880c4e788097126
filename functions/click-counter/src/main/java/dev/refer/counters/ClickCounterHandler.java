package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.stats.CountClicks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbStatsRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.http.Json;
import dev.refer.http.Log;
import dev.refer.http.SnapStartPriming;
import dev.refer.core.partner.PartnerId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Consumes the table's stream (the template filters it to inserted CLICK items) and keeps the click counters.
 * Answers Lambda's partial batch response: the first record of a chunk that could not be written, so Lambda
 * redelivers from there and chunks already counted are recognised and skipped.
 */
public final class ClickCounterHandler implements RequestStreamHandler {

    private final CountClicks countClicks;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public ClickCounterHandler() {
        this(System.getenv());
    }

    public ClickCounterHandler(Map<String, String> env) {
        this(new DynamoDbStatsRepository(DynamoDbClients.create(), TableConfig.fromEnv(env)));
    }

    /**
     * SnapStart: before the snapshot, a batch without clicks (event parsing, the partial-batch answer) and a read
     * of a counter item that does not exist (the SDK's first GetItem): nothing is written.
     */
    private ClickCounterHandler(DynamoDbStatsRepository stats) {
        this(new CountClicks(stats));
        this.priming = SnapStartPriming.register(() -> {
            try {
                handleRequest(new java.io.ByteArrayInputStream("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stats.partnerStats(new PartnerId("00000000000000000000000000"), null);
        }, () -> { });
    }

    ClickCounterHandler(CountClicks countClicks) {
        this.countClicks = countClicks;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamBatch batch = StreamBatch.parse(input.readAllBytes());
        CountClicks.Outcome outcome = countClicks.count(batch.streamKey(), batch.clicks());
        Log.info("clicks.counted", "records", batch.clicks().size(), "counted", outcome.countedClicks(),
                "duplicateChunks", outcome.duplicateChunks(), "failedAt", outcome.firstFailedSequenceNumber());
        List<Map<String, String>> failures = outcome.firstFailedSequenceNumber() == null ? List.of()
                : List.of(Map.of("itemIdentifier", outcome.firstFailedSequenceNumber()));
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }
}

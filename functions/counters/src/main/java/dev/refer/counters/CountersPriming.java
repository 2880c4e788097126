package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.dynamodb.Priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * SnapStart: before the snapshot, a stream batch with one click, counted while DynamoDB refuses every write
 * ({@link Priming}): the event and response types through Jackson, the batch translation, the projection and the
 * counting transaction run, and nothing is written (the refused chunk reads as counted before).
 */
final class CountersPriming {

    private CountersPriming() {
    }

    static void prime(RequestStreamHandler handler) {
        try (InputStream in = CountersPriming.class.getResourceAsStream("/priming/stream-batch.json")) {
            byte[] batch = in.readAllBytes();
            Priming.refused(() -> {
                try {
                    handler.handleRequest(new ByteArrayInputStream(batch), OutputStream.nullOutputStream(), null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The shape every SQS worker shares (as {@link HttpFunction} for HTTP): Lambda's stream handler reads the batch,
 * the subclass handles one message body, and a message that throws becomes a batch item failure ({@link SqsBatch}),
 * so SQS redelivers only that one.
 */
public abstract class SqsFunction implements RequestStreamHandler {

    private final String failureEvent;

    /** @param failureEvent the log event of a failed message, e.g. {@code payouts.message_failed} */
    protected SqsFunction(String failureEvent) {
        this.failureEvent = failureEvent;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        beforeBatch(context);
        SqsBatch.handle(input, output, failureEvent, this::handle);
    }

    /** Before each batch, with Lambda's context ({@code null} outside Lambda): e.g. pacing to the time left. */
    protected void beforeBatch(Context context) {
    }

    /** What one message does; {@code receiveCount} is SQS's ApproximateReceiveCount (1 on the first delivery). */
    protected abstract void handle(String body, int receiveCount);

    /**
     * SnapStart priming: a batch with one message of no known type through the whole stream interface (event and
     * response types, JSON, the message's refusal as a batch item failure); nothing is written.
     */
    public final void replayPrimingBatch() {
        try {
            handleRequest(new ByteArrayInputStream(SqsBatch.PRIMING_EVENT), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

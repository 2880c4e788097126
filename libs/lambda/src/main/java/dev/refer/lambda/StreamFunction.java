package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shape every consumer of the table's stream shares (as {@link HttpFunction} for HTTP): Lambda's stream handler
 * reads the {@link DynamodbEvent} with the functions' one Jackson configuration, the subclass handles the batch, and
 * its partial batch response ({@link StreamsEventResponse}) is written back: Lambda resumes at the reported record.
 */
public abstract class StreamFunction implements RequestStreamHandler {

    /** A batch without records: the event and response types and JSON, for SnapStart priming. */
    public static final byte[] EMPTY_BATCH = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(LambdaJson.writeBytes(handle(LambdaJson.readEvent(input, DynamodbEvent.class))));
    }

    /** The whole batch; tests call it directly. */
    protected abstract StreamsEventResponse handle(DynamodbEvent event);

    /**
     * A batch acted on as a whole (the consumers of domain events): done, or, when {@code work} throws, logged as
     * {@code failureEvent} and handed back whole from its first record (what was done before is done once again only
     * where the consumer's own records do not know it).
     */
    protected static StreamsEventResponse wholeBatch(DynamodbEvent event, String failureEvent, Runnable work) {
        String first = firstSequenceNumber(event);
        try {
            work.run();
            return resumeAt(null);
        } catch (RuntimeException e) {
            Log.error(failureEvent, e, "sequenceNumber", first);
            return resumeAt(first);
        }
    }

    /** The batch's first sequence number (where Lambda resumes when the batch fails), null for an empty batch. */
    protected static String firstSequenceNumber(DynamodbEvent event) {
        return event.getRecords() == null || event.getRecords().isEmpty() ? null
                : event.getRecords().getFirst().getDynamodb().getSequenceNumber();
    }

    /** The answer that makes Lambda resume at {@code sequenceNumber}, or take the batch as done when it is null. */
    protected static StreamsEventResponse resumeAt(String sequenceNumber) {
        List<StreamsEventResponse.BatchItemFailure> failures = sequenceNumber == null ? List.of()
                : List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build());
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Replays {@code event} through the whole stream interface (SnapStart priming); the answer is dropped. */
    public final void replay(byte[] event) {
        try {
            handleRequest(new ByteArrayInputStream(event), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS event source's batch, message by message: a message whose handling throws is logged and reported as a
 * batch item failure (SQS redelivers it, and after the queue's {@code maxReceiveCount} moves it to its dead-letter
 * queue); the others are deleted. The queue workers differ only in what one message does.
 */
public final class SqsBatch {

    /** What one message does; {@code receiveCount} is SQS's ApproximateReceiveCount (1 on the first delivery). */
    @FunctionalInterface
    public interface MessageHandler {
        void handle(String body, int receiveCount);
    }

    /** A batch with one message of no known type: the event and response types and JSON, for SnapStart priming. */
    public static final byte[] PRIMING_EVENT = ("{\"Records\":[{\"messageId\":\"snapstart-priming\","
            + "\"body\":\"{\\\"type\\\":\\\"priming\\\"}\",\"eventSource\":\"aws:sqs\","
            + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}").getBytes(StandardCharsets.UTF_8);

    private SqsBatch() {
    }

    /** @param failureEvent the log event of a failed message, e.g. {@code payouts.message_failed} */
    public static void handle(InputStream input, OutputStream output, String failureEvent, MessageHandler handler)
            throws IOException {
        SQSEvent event = LambdaJson.readEvent(input, SQSEvent.class);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of()
                : event.getRecords()) {
            String receives = message.getAttributes() == null ? null
                    : message.getAttributes().get("ApproximateReceiveCount");
            try {
                handler.handle(message.getBody(), receives == null ? 1 : Integer.parseInt(receives));
            } catch (RuntimeException e) {
                Log.error(failureEvent, e, "messageId", message.getMessageId(), "receiveCount", receives);
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        output.write(LambdaJson.writeBytes(SQSBatchResponse.builder().withBatchItemFailures(failures).build()));
    }
}

package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** One message as a worker that moves its own messages sees it (SQS's system attributes read). */
    public record Message(String id, String body, String receiptHandle, int receiveCount, Instant firstReceivedAt) {
    }

    /** What one message does; true when it is done with (deleted), false hands it back to SQS. */
    @FunctionalInterface
    public interface MessageWork {
        boolean work(Message message);
    }

    /** A batch with one message of no known type: the event and response types and JSON, for SnapStart priming. */
    public static final byte[] PRIMING_EVENT = ("{\"Records\":[{\"messageId\":\"snapstart-priming\","
            + "\"body\":\"{\\\"type\\\":\\\"priming\\\"}\",\"eventSource\":\"aws:sqs\","
            + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}").getBytes(StandardCharsets.UTF_8);

    private SqsBatch() {
    }

    /**
     * The batch's messages worked at once, each on a virtual thread (a slow message is not the batch's): a message
     * whose work answers false or throws (logged as {@code failureEvent}) is a batch item failure.
     */
    public static void handleConcurrently(InputStream input, OutputStream output, String failureEvent,
                                          MessageWork work) throws IOException {
        SQSEvent event = LambdaJson.readEvent(input, SQSEvent.class);
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> done = new ArrayList<>();
            for (SQSEvent.SQSMessage message : messages) {
                done.add(each.submit(() -> work.work(message(message))));
            }
            for (int i = 0; i < messages.size(); i++) {
                if (!settled(done.get(i), messages.get(i).getMessageId(), failureEvent)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(messages.get(i).getMessageId()).build());
                }
            }
        }
        output.write(LambdaJson.writeBytes(SQSBatchResponse.builder().withBatchItemFailures(failures).build()));
    }

    private static Message message(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes() == null ? Map.of() : message.getAttributes();
        String firstReceipt = attributes.get("ApproximateFirstReceiveTimestamp");
        return new Message(message.getMessageId(), message.getBody(), message.getReceiptHandle(),
                Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1")),
                firstReceipt == null ? null : Instant.ofEpochMilli(Long.parseLong(firstReceipt)));
    }

    private static boolean settled(Future<Boolean> result, String messageId, String failureEvent) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Log.error(failureEvent, e.getCause(), "messageId", messageId);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

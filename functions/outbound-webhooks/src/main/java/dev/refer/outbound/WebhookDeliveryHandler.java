package dev.refer.outbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Works the webhook delivery queue (template: WebhookDeliveryFunction on WebhookDeliveryQueue): each message is one
 * delivery to one endpoint, attempted by {@link DeliverWebhook}, the batch's messages at once (an endpoint's
 * slowness is not the batch's). A delivery to try again waits on the queue itself: its message's visibility is set to
 * the backoff's wait (30 seconds doubling to 12 hours) and it is reported as a batch item failure, so SQS hands it
 * back then; the attempt number is SQS's receive count and the three days run from its first receipt. After three
 * days the message goes to WebhookDeadLetterQueue (alarmed) and leaves the queue. A message that cannot be read
 * fails, and after the queue's {@code maxReceiveCount} SQS moves it to the dead-letter queue itself.
 */
public final class WebhookDeliveryHandler implements RequestStreamHandler {

    private final DeliveryWiring wiring;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public WebhookDeliveryHandler() {
        this(System.getenv());
    }

    public WebhookDeliveryHandler(Map<String, String> env) {
        this(DeliveryWiring.create(env));
    }

    WebhookDeliveryHandler(DeliveryWiring wiring) {
        this.wiring = wiring;
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SQSEvent event = LambdaJson.readEvent(input, SQSEvent.class);
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> done = new ArrayList<>();
            for (SQSEvent.SQSMessage message : messages) {
                done.add(each.submit(() -> handle(message)));
            }
            for (int i = 0; i < messages.size(); i++) {
                if (!settled(done.get(i), messages.get(i))) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(messages.get(i).getMessageId()).build());
                }
            }
        }
        output.write(LambdaJson.writeBytes(SQSBatchResponse.builder().withBatchItemFailures(failures).build()));
    }

    private static boolean settled(Future<Boolean> result, SQSEvent.SQSMessage message) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Log.error("webhooks.message_failed", e.getCause(), "messageId", message.getMessageId());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return whether the message is done with (deleted from the queue); false: SQS hands it back */
    private boolean handle(SQSEvent.SQSMessage message) {
        OutboundDelivery delivery = wiring.codec().decode(message.getBody());
        Map<String, String> attributes = message.getAttributes() == null ? Map.of() : message.getAttributes();
        int attempt = Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
        String firstReceipt = attributes.get("ApproximateFirstReceiveTimestamp");
        Instant firstAttemptAt = firstReceipt == null ? wiring.clock().instant()
                : Instant.ofEpochMilli(Long.parseLong(firstReceipt));
        DeliverWebhook.Outcome outcome = wiring.deliver().deliver(delivery, attempt, firstAttemptAt);
        Log.info("webhooks.attempt", "deliveryId", delivery.id(), "endpointId", delivery.endpointId().value(),
                "attempt", attempt, "outcome", outcome.getClass().getSimpleName());
        return switch (outcome) {
            case DeliverWebhook.Outcome.Delivered delivered -> true;
            case DeliverWebhook.Outcome.Dropped dropped -> true;
            case DeliverWebhook.Outcome.AlreadyDelivered again -> true;
            case DeliverWebhook.Outcome.RetryAfter retry -> {
                wiring.queue().waitBeforeRetry(message.getReceiptHandle(), retry.delay());
                yield false;
            }
            case DeliverWebhook.Outcome.GaveUp gaveUp -> {
                wiring.queue().deadLetter(message.getBody());
                yield true;
            }
        };
    }

    /**
     * SnapStart priming: a batch with one delivery to an endpoint that does not exist, through the whole path (the
     * SQS event, the message, the record's and the endpoint's reads, the attempt's log write, refused for want of a
     * record): nothing is sent or written.
     */
    public void replayPrimingBatch() {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PRIMING_BODY = "{\\\"deliveryId\\\":\\\"msg_snapstart-priming\\\","
            + "\\\"endpointId\\\":\\\"00000000000000000000000000\\\",\\\"eventId\\\":\\\"priming\\\","
            + "\\\"type\\\":\\\"lead.captured\\\",\\\"occurredAt\\\":\\\"2000-01-01T00:00:00Z\\\","
            + "\\\"data\\\":{}}";
    private static final byte[] PRIMING_EVENT = ("{\"Records\":[{\"messageId\":\"snapstart-priming\","
            + "\"receiptHandle\":\"priming\",\"body\":\"" + PRIMING_BODY + "\",\"eventSource\":\"aws:sqs\","
            + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
}

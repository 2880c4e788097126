package dev.refer.outbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.SqsBatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Works the webhook delivery queue (template: WebhookDeliveryFunction on WebhookDeliveryQueue): each message is one
 * delivery to one endpoint, attempted by {@link DeliveryAttempts}, the batch's messages at once (an endpoint's
 * slowness is not the batch's: {@link SqsBatch#handleConcurrently}). A delivery to try again waits on the queue itself: its message's visibility is set to
 * the backoff's wait (30 seconds doubling to 12 hours) and it is reported as a batch item failure, so SQS hands it
 * back then; the attempt number is SQS's receive count and the three days run from its first receipt. After three
 * days the message goes to WebhookDeadLetterQueue (alarmed) and leaves the queue. A message that cannot be read
 * fails, and after the queue's {@code maxReceiveCount} SQS moves it to the dead-letter queue itself.
 */
public final class WebhookDeliveryHandler implements RequestStreamHandler {

    private final DeliveryAttempts attempts;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public WebhookDeliveryHandler() {
        this(System.getenv());
    }

    public WebhookDeliveryHandler(Map<String, String> env) {
        this(DeliveryWiring.create(env));
    }

    WebhookDeliveryHandler(DeliveryWiring wiring) {
        this.attempts = new DeliveryAttempts(wiring);
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsBatch.handleConcurrently(input, output, "webhooks.message_failed", attempts::work);
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

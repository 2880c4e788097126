package dev.refer.outbound;

import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.lambda.Log;
import dev.refer.lambda.SqsBatch;

import java.time.Clock;
import java.time.Instant;

/**
 * One queue message, one attempt: the delivery read from the message, attempted by {@link DeliverWebhook} (the
 * attempt number is SQS's receive count, the three days run from its first receipt), and the message moved as the
 * outcome says: done, left to wait out its backoff on the queue, or sent to the dead-letter queue.
 */
final class DeliveryAttempts {

    private final DeliverWebhook deliver;
    private final dev.refer.sqs.WebhookMessages codec;
    private final RetryQueue queue;
    private final Clock clock;

    DeliveryAttempts(DeliveryWiring wiring) {
        this.deliver = wiring.deliver();
        this.codec = wiring.codec();
        this.queue = wiring.queue();
        this.clock = wiring.clock();
    }

    /** @return whether the message is done with (deleted from the queue); false: SQS hands it back */
    boolean work(SqsBatch.Message message) {
        OutboundDelivery delivery = codec.decode(message.body());
        Instant firstAttemptAt = message.firstReceivedAt() == null ? clock.instant() : message.firstReceivedAt();
        DeliverWebhook.Outcome outcome = deliver.deliver(delivery, message.receiveCount(), firstAttemptAt);
        Log.info("webhooks.attempt", "deliveryId", delivery.id(), "endpointId", delivery.endpointId().value(),
                "attempt", message.receiveCount(), "outcome", outcome.getClass().getSimpleName());
        return switch (outcome) {
            case DeliverWebhook.Outcome.Delivered delivered -> true;
            case DeliverWebhook.Outcome.Dropped dropped -> true;
            case DeliverWebhook.Outcome.AlreadyDelivered again -> true;
            case DeliverWebhook.Outcome.RetryAfter retry -> {
                queue.waitBeforeRetry(message.receiptHandle(), retry.delay());
                yield false;
            }
            case DeliverWebhook.Outcome.GaveUp gaveUp -> {
                queue.deadLetter(message.body());
                yield true;
            }
        };
    }
}

package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.comms.notify.QueueNotifications;
import dev.refer.dynamodb.events.StreamEventBatch;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;

import java.util.Map;

/**
 * Notices what partners should hear of (template: NotificationsFunction on the table's stream, filtered to leads,
 * ledger entries and payouts): the batch's domain events ({@link StreamEventBatch}) go to {@link QueueNotifications}
 * (a new lead, a lead's status, a commission earned, a payout sent, and each new attributed lead for sales), which
 * hands each to the mail queue, where the mail workers tell it once (the send log), at the SES rate, now or in the
 * day's digest as the partner chose. The stream never waits for SES: a flood of a partner's leads is a few batched
 * queue sends here. If the queue refuses, the whole batch comes again (what was
 * queued before is told once all the same).
 */
public final class NotificationsHandler extends StreamFunction {

    private final QueueNotifications notifications;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public NotificationsHandler() {
        this(System.getenv());
    }

    /** Environment: {@code MAIL_QUEUE_URL}; nothing else (no table, no SES). */
    public NotificationsHandler(Map<String, String> env) {
        this(NotificationsWiring.create(env));
    }

    NotificationsHandler(NotificationsWiring wiring) {
        this.notifications = wiring.queue();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event) {
        StreamEventBatch batch = StreamEventBatch.of(event);
        try {
            QueueNotifications.Queued queued = notifications.queue(batch.events());
            Log.info("notify.queued", "notifications", queued.notifications(), "alerts", queued.alerts());
            return resumeAt(null);
        } catch (RuntimeException e) {
            // the whole batch again (what went to the queue before is told once: the send log knows each key)
            Log.error("notify.queue_failed", e, "sequenceNumber", batch.first());
            return resumeAt(batch.first());
        }
    }
}

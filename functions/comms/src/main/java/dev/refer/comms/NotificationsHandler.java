package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.comms.notify.QueueNotifications;
import dev.refer.core.events.DomainEvent;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Notices what partners should hear of (template: NotificationsFunction on the table's stream, filtered to leads,
 * ledger entries and payouts): the batch's domain events (read by its wiring) go to {@link QueueNotifications}
 * (a new lead, a lead's status, a commission earned, a payout sent, and each new attributed lead for sales), which
 * hands each to the mail queue, where the mail workers tell it once (the send log), at the SES rate, now or in the
 * day's digest as the partner chose. The stream never waits for SES: a flood of a partner's leads is a few batched
 * queue sends here. If the queue refuses, the whole batch comes again (what was
 * queued before is told once all the same).
 */
public final class NotificationsHandler extends StreamFunction {

    private final QueueNotifications notifications;
    private final Function<DynamodbEvent, List<DomainEvent>> events;
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
        this.events = wiring.events();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event) {
        // on failure the whole batch again (what went to the queue before is told once: the send log knows each key)
        return wholeBatch(event, "notify.queue_failed", () -> {
            QueueNotifications.Queued queued = notifications.queue(events.apply(event));
            Log.info("notify.queued", "notifications", queued.notifications(), "alerts", queued.alerts());
        });
    }
}

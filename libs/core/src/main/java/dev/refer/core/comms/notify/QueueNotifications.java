package dev.refer.core.comms.notify;

import dev.refer.core.events.DomainEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands what a batch of the program's events tells partners and sales to the mail queue, in the events' order (the
 * mail workers then tell each once, at the SES rate). The stream's consumer never waits for SES.
 */
public final class QueueNotifications {

    /** How many notifications and sales alerts went to the queue. */
    public record Queued(int notifications, int alerts) {
    }

    private final NotificationQueue queue;

    public QueueNotifications(NotificationQueue queue) {
        this.queue = queue;
    }

    public Queued queue(List<DomainEvent> events) {
        List<Notification> notifications = new ArrayList<>();
        List<SalesAlert> alerts = new ArrayList<>();
        for (DomainEvent event : events) {
            notifications.addAll(PartnerNews.of(event));
            PartnerNews.salesAlert(event).ifPresent(alerts::add);
        }
        queue.notify(notifications, alerts);
        return new Queued(notifications.size(), alerts.size());
    }
}

package dev.refer.core.outbound;

import dev.refer.core.events.DomainEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stream batch's domain events into one queued delivery per subscribed, enabled endpoint. The endpoints are
 * read once per batch (one Query); each delivery is claimed in the delivery log before it is queued and marked after,
 * so a batch the stream delivers again queues nothing twice, and one that stopped between the two is queued again
 * (the worker sends a delivery once: it reads the record's status first).
 */
public final class FanOutEvents {

    public record FannedOut(int events, int queued, int skipped) {
    }

    private final WebhookEndpoints endpoints;
    private final DeliveryLog log;
    private final DeliveryQueue queue;

    public FanOutEvents(WebhookEndpoints endpoints, DeliveryLog log, DeliveryQueue queue) {
        this.endpoints = endpoints;
        this.log = log;
        this.queue = queue;
    }

    public FannedOut fanOut(List<DomainEvent> batch) {
        List<WebhookEvent> events = batch.stream().map(WebhookEvent::of).flatMap(Optional::stream).toList();
        if (events.isEmpty()) {
            return new FannedOut(0, 0, 0);
        }
        List<WebhookEndpoint> subscribed = endpoints.list();
        List<OutboundDelivery> toQueue = new ArrayList<>();
        int skipped = 0;
        for (WebhookEvent event : events) {
            for (WebhookEndpoint endpoint : subscribed) {
                if (!endpoint.wants(event.type())) {
                    continue;
                }
                OutboundDelivery delivery = OutboundDelivery.of(event, endpoint.id());
                if (log.claim(delivery) == DeliveryLog.Claim.QUEUED) {
                    skipped++;
                } else {
                    toQueue.add(delivery);
                }
            }
        }
        if (!toQueue.isEmpty()) {
            queue.send(toQueue);
            toQueue.forEach(log::markQueued);
        }
        return new FannedOut(events.size(), toQueue.size(), skipped);
    }
}

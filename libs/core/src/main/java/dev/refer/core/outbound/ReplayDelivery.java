package dev.refer.core.outbound;

import java.util.List;
import java.util.Optional;

/**
 * A delivery sent again by hand (the CRM lost it, or the endpoint was down past the three days): the same
 * {@code webhook-id} and body as before, so a receiver that dedupes sees it once, signed afresh with the endpoint's
 * secrets of now. Its record is set back to queued before the message goes, so the worker does not take it for a
 * delivery done; it gets a new three days of retries.
 */
public final class ReplayDelivery {

    /** The delivery records as the replay reads and resets them. */
    public interface Records {
        /** The delivery {@code deliveryId} of that endpoint, as it was queued; empty when it is not one of its own. */
        Optional<OutboundDelivery> find(WebhookEndpointId endpointId, String deliveryId);

        /** Sets the record back to queued. */
        void requeued(OutboundDelivery delivery);
    }

    public sealed interface Replayed {
        record Queued(OutboundDelivery delivery) implements Replayed {
        }

        /** No such endpoint, or no such delivery of it. */
        record NotFound() implements Replayed {
        }

        /** The endpoint is disabled: the worker would drop it. Enable it first. */
        record EndpointDisabled() implements Replayed {
        }
    }

    private final WebhookEndpoints endpoints;
    private final Records records;
    private final DeliveryQueue queue;

    public ReplayDelivery(WebhookEndpoints endpoints, Records records, DeliveryQueue queue) {
        this.endpoints = endpoints;
        this.records = records;
        this.queue = queue;
    }

    public Replayed replay(WebhookEndpointId endpointId, String deliveryId) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(endpointId);
        if (endpoint.isEmpty()) {
            return new Replayed.NotFound();
        }
        Optional<OutboundDelivery> delivery = records.find(endpointId, deliveryId);
        if (delivery.isEmpty()) {
            return new Replayed.NotFound();
        }
        if (!endpoint.get().enabled()) {
            return new Replayed.EndpointDisabled();
        }
        records.requeued(delivery.get());
        queue.send(List.of(delivery.get()));
        return new Replayed.Queued(delivery.get());
    }
}

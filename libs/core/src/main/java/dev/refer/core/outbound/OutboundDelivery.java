package dev.refer.core.outbound;

/**
 * One event for one endpoint: what the fan-out queues and the delivery worker sends. The id (the event's id and the
 * endpoint's) keys the delivery record and is the {@code webhook-id} header, the same on every attempt.
 */
public record OutboundDelivery(String id, WebhookEndpointId endpointId, WebhookEvent event) {

    public static OutboundDelivery of(WebhookEvent event, WebhookEndpointId endpointId) {
        return new OutboundDelivery("msg_" + endpointId.value() + "_" + event.id(), endpointId, event);
    }
}

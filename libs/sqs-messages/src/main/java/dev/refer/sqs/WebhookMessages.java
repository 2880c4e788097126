package dev.refer.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refer.core.outbound.DeliveryCodec;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookEvent;
import dev.refer.lambda.LambdaJson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbound webhook queue's messages ({@link DeliveryCodec}: flat JSON with the delivery's and the endpoint's ids
 * and the event), and the body a delivery POSTs: the Standard Webhooks payload shape, {@code type}, {@code timestamp}
 * (when it happened) and {@code data}, with the event's own {@code id} first.
 */
public final class WebhookMessages implements DeliveryCodec {

    @Override
    public String encode(OutboundDelivery delivery) {
        WebhookEvent event = delivery.event();
        return LambdaJson.write(new Json(delivery.id(), delivery.endpointId().value(), event.id(),
                event.type().wireName(), event.occurredAt().toString(), event.data()));
    }

    @Override
    public OutboundDelivery decode(String encoded) {
        Json json = LambdaJson.readTrusted(encoded, Json.class);
        if (json.deliveryId() == null || json.endpointId() == null || json.eventId() == null || json.type() == null
                || json.occurredAt() == null) {
            throw new IllegalArgumentException("not an outbound webhook delivery");
        }
        EventType type = EventType.ofWireName(json.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + json.type()));
        WebhookEvent event = new WebhookEvent(json.eventId(), type, Instant.parse(json.occurredAt()),
                json.data() == null ? Map.of() : json.data());
        return new OutboundDelivery(json.deliveryId(), new WebhookEndpointId(json.endpointId()), event);
    }

    /** The exact body a delivery sends and signs. */
    public static String body(OutboundDelivery delivery) {
        WebhookEvent event = delivery.event();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id());
        payload.put("type", event.type().wireName());
        payload.put("timestamp", event.occurredAt().toString());
        payload.put("data", new java.util.TreeMap<>(event.data()));
        return LambdaJson.write(payload);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Json(String deliveryId, String endpointId, String eventId, String type, String occurredAt,
                Map<String, Object> data) {
    }
}

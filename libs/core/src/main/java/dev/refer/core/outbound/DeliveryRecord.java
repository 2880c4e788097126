package dev.refer.core.outbound;

import java.time.Instant;

/**
 * What the delivery log shows of one delivery: its event, where it stands and its last attempt.
 *
 * @param status         {@code CLAIMED}, {@code QUEUED}, {@code DELIVERED}, {@code RETRYING}, {@code GAVE_UP} or
 *                       {@code DROPPED}
 * @param lastStatusCode the endpoint's last answer, null when none came (refused address, timeout)
 */
public record DeliveryRecord(String deliveryId, WebhookEndpointId endpointId, String eventId, EventType eventType,
                             String status, int attempts, Integer lastStatusCode, String lastError,
                             Instant lastAttemptAt, Instant createdAt) {
}

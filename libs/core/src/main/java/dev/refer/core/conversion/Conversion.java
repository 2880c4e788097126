package dev.refer.core.conversion;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.CommissionId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One billing event, stored exactly once per {@code eventId}. {@code amount} is positive for every kind; a refund's
 * amount is what was given back. {@code attribution} is empty for an organic conversion, kept for reporting.
 */
public record Conversion(ConversionId id, String eventId, ConversionKind kind, String orderId, Money amount,
                         String customerExternalId, Instant occurredAt, Instant recordedAt, Attribution attribution,
                         CommissionId commissionId) {

    public Conversion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public Optional<Attribution> attributed() {
        return Optional.ofNullable(attribution);
    }

    public Optional<CommissionId> commission() {
        return Optional.ofNullable(commissionId);
    }
}

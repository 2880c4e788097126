package dev.refer.core.conversion;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Rules;

import java.time.Instant;

/**
 * A billing event as the billing system reports it: a sale, a renewal or a refund of an order. {@code amount} is
 * positive (a refund's is what was given back); {@code occurredAt} is the event's own time, which dates everything it
 * causes (attribution windows, monthly counters, the holding period). {@code promotionCode}: the billing system's
 * id of a promotion code the buyer paid with (a partner's coupon), or null.
 */
public record ConversionCommand(String eventId, ConversionKind kind, String orderId, Money amount,
                                String customerExternalId, EmailAddress customerEmail, Instant occurredAt, String rid,
                                String ref, String promotionCode) {

    /** An event that names no promotion code (the conversion webhook's). */
    public ConversionCommand(String eventId, ConversionKind kind, String orderId, Money amount,
                             String customerExternalId, EmailAddress customerEmail, Instant occurredAt, String rid,
                             String ref) {
        this(eventId, kind, orderId, amount, customerExternalId, customerEmail, occurredAt, rid, ref, null);
    }

    public ConversionCommand {
        eventId = Rules.text(eventId);
        orderId = Rules.text(orderId);
        customerExternalId = Rules.text(customerExternalId);
        rid = Rules.text(rid);
        ref = Rules.text(ref);
        promotionCode = Rules.text(promotionCode);
        Rules.check()
                .require(eventId != null, "id", "is required")
                .maxLength(eventId, 128, "id")
                .require(kind != null, "type", "must be one of sale, renewal, refund")
                .require(orderId != null, "orderId", "is required")
                .maxLength(orderId, 128, "orderId")
                .require(amount != null && amount.isPositive(), "amount", "must be a positive integer in minor units")
                .maxLength(customerExternalId, 128, "customer.externalId")
                .require(occurredAt != null, "occurredAt", "is required (ISO-8601)")
                .maxLength(rid, 64, "rid")
                .maxLength(ref, 64, "ref")
                .maxLength(promotionCode, 128, "promotionCode")
                .orThrow();
    }
}

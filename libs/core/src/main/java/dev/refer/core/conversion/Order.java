package dev.refer.core.conversion;

import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the billing system told us about, and what has been refunded of it, whichever arrived first: billing
 * systems deliver late, twice and out of order, so a refund may come before its sale. Such an order is known only by
 * its refunds until the sale arrives ({@link #sold()} false); the sale then counts every refund already recorded.
 * Every change is a compare-and-set on {@link #version}.
 *
 * @param kind          SALE or RENEWAL once sold, null before
 * @param saleEventId   the event id of the sale, null before it arrived
 * @param amount        the sale's amount, null before it arrived
 * @param currency      the order's currency (the sale's, or the first refund's)
 * @param refunded      total refunded so far
 * @param refundCount   how many refunds were recorded
 * @param commission    the commission the sale earned, or null
 * @param reversed      how much of {@code commission} refunds have taken back so far (non-negative), or null
 * @param changedAt     the event time of the latest change (the projections date their counters with it)
 */
public record Order(String orderId, long version, ConversionKind kind, String saleEventId, PartnerId partnerId,
                    Money amount, Currency currency, CommissionId commissionId, Money commission,
                    Instant commissionPayableOn, Money refunded, int refundCount, Money reversed, Instant changedAt) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(changedAt, "changedAt");
        if ((saleEventId == null) != (amount == null)) {
            throw new IllegalArgumentException("a sold order has both its sale's event id and amount");
        }
    }

    /** An order first known by a refund: no sale yet. */
    public static Order refundedBeforeSale(String orderId, Money refund, Instant at) {
        return new Order(orderId, 1, null, null, null, null, refund.currency(), null, null, null, refund, 1, null, at);
    }

    public boolean sold() {
        return saleEventId != null;
    }

    public Optional<CommissionId> commissionEntry() {
        return Optional.ofNullable(commissionId);
    }

    /** What is left to refund of a sold order. */
    public Money refundable() {
        return amount.minus(refunded);
    }

    /** The next version of this order with one more refund. */
    public Order withRefund(Money refund, Money reversedAfter, Instant at) {
        return new Order(orderId, version + 1, kind, saleEventId, partnerId, amount, currency, commissionId,
                commission, commissionPayableOn, refunded.plus(refund), refundCount + 1, reversedAfter, at);
    }

    /** The next version of this order with its sale (refunds recorded before it are kept). */
    public Order withSale(ConversionKind saleKind, String eventId, PartnerId partner, Money saleAmount,
                          CommissionId commissionEntry, Money earned, Instant payableOn, Money reversedNow,
                          Instant at) {
        return new Order(orderId, version + 1, saleKind, eventId, partner, saleAmount, currency, commissionEntry,
                earned, payableOn, refunded, refundCount, reversedNow, at);
    }

    /** The next version of this order after its commission was voided: nothing of it is left to take back. */
    public Order withCommissionVoided(Instant at) {
        return new Order(orderId, version + 1, kind, saleEventId, partnerId, amount, currency, commissionId,
                commission, commissionPayableOn, refunded, refundCount, commission, at);
    }

    /**
     * The next version of this sold order after its customer was re-bound to {@code partner} (null: organic) by an
     * earlier purchase: the commission it earns now ({@code earned}, or none), how much of that its refunds took back
     * already ({@code reversedNow}), dated {@code at} (the sale's own time, so its counters move in its month).
     */
    public Order reassigned(PartnerId partner, CommissionId commissionEntry, Money earned, Instant payableOn,
                            Money reversedNow, Instant at) {
        return new Order(orderId, version + 1, kind, saleEventId, partner, amount, currency, commissionEntry, earned,
                payableOn, refunded, refundCount, reversedNow, at);
    }

    /** What refunds have not yet taken back of the commission (zero when there is none). */
    public Money commissionLeft() {
        if (commission == null) {
            return Money.zero(currency);
        }
        return reversed == null ? commission : commission.minus(reversed);
    }

    /** A new order created by its sale (version 1). */
    public static Order sold(String orderId, ConversionKind kind, String eventId, PartnerId partner, Money amount,
                             CommissionId commissionEntry, Money earned, Instant payableOn, Instant at) {
        return new Order(orderId, 0, null, null, null, null, amount.currency(), null, null, null,
                Money.zero(amount.currency()), 0, null, at)
                .withSale(kind, eventId, partner, amount, commissionEntry, earned, payableOn,
                        earned == null ? null : Money.zero(earned.currency()), at);
    }
}

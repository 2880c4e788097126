package dev.refer.core.conversion;

import dev.refer.core.commission.CommissionId;
import dev.refer.core.money.Money;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sold order and what has been refunded of it. Refunds reverse the order's commission pro rata to the cumulative
 * refunded amount, so several partial refunds add up to exactly the commission when the whole order is refunded.
 *
 * @param refunded total refunded so far, in the order's currency
 * @param reversed total commission reversed so far (a non-negative amount in the commission's currency)
 */
public record Order(String orderId, PartnerId partnerId, Money amount, CommissionId commissionId, Money commission,
                    Instant commissionPayableOn, Money refunded, Money reversed) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refunded, "refunded");
    }

    public Optional<CommissionId> commissionEntry() {
        return Optional.ofNullable(commissionId);
    }

    public Money refundable() {
        return amount.minus(refunded);
    }
}

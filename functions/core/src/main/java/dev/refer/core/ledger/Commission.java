package dev.refer.core.ledger;

import dev.refer.core.money.Money;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One append-only entry of a partner's commission ledger. The amount is never edited.
 *
 * @param rule      the plan rule that produced the amount, in words, for statements
 * @param source    the business event behind it: a conversion's event id or a lead id
 * @param reverses  for a REVERSAL, the entry it takes back
 * @param payableOn when the holding period ends and a payout may include it
 */
public record Commission(CommissionId id, PartnerId partnerId, CommissionKind kind, CommissionStatus status,
                         Money amount, String rule, String source, String orderId, CommissionId reverses,
                         Instant earnedAt, Instant payableOn) {

    public Commission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(earnedAt, "earnedAt");
        Objects.requireNonNull(payableOn, "payableOn");
        if (kind == CommissionKind.REVERSAL && (reverses == null || amount.minor() > 0)) {
            throw new IllegalArgumentException("a reversal is negative and names the entry it reverses");
        }
    }

    public Optional<CommissionId> reversed() {
        return Optional.ofNullable(reverses);
    }
}

package dev.refer.core.ledger;

import dev.refer.core.basics.money.Money;
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
 * @param payableOn  when the holding period ends and a payout may include it
 * @param approvedAt when the program manager approved it before its holding period ended, or null
 * @param payoutId   the payout that paid it, or null
 * @param voidedAt   when the program manager voided it (a VOID entry took back what was left), or null
 */
public record Commission(CommissionId id, PartnerId partnerId, CommissionKind kind, CommissionStatus status,
                         Money amount, String rule, String source, String orderId, CommissionId reverses,
                         Instant earnedAt, Instant payableOn, Instant approvedAt, String payoutId,
                         Instant voidedAt) {

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
        if (kind.takesBack() && (reverses == null || amount.minor() > 0)) {
            throw new IllegalArgumentException("a reversal or void is negative and names the entry it takes back");
        }
        if ((status == CommissionStatus.PAID) != (payoutId != null)) {
            throw new IllegalArgumentException("a paid entry names its payout, an unpaid one none");
        }
    }

    public Commission(CommissionId id, PartnerId partnerId, CommissionKind kind, CommissionStatus status,
                      Money amount, String rule, String source, String orderId, CommissionId reverses,
                      Instant earnedAt, Instant payableOn) {
        this(id, partnerId, kind, status, amount, rule, source, orderId, reverses, earnedAt, payableOn, null, null,
                null);
    }

    /** When a payout may include it: the end of its holding period, or its early approval if sooner. */
    public Instant dueAt() {
        return approvedAt != null && approvedAt.isBefore(payableOn) ? approvedAt : payableOn;
    }

    /** When it was written (its id is a ULID made then). */
    public Instant createdAt() {
        return dev.refer.core.basics.ids.Ulid.isValid(id.value()) ? dev.refer.core.basics.ids.Ulid.timestamp(id.value()) : earnedAt;
    }

    public boolean paid() {
        return status == CommissionStatus.PAID;
    }

    /** Approved by the program manager at {@code at}, before its holding period ended. */
    public Commission approvedEarly(Instant at) {
        return new Commission(id, partnerId, kind, CommissionStatus.APPROVED, amount, rule, source, orderId, reverses,
                earnedAt, payableOn, at, null, voidedAt);
    }

    /** Past its holding period, as the payout run finds it. */
    public Commission approved() {
        return new Commission(id, partnerId, kind, CommissionStatus.APPROVED, amount, rule, source, orderId, reverses,
                earnedAt, payableOn, approvedAt, null, voidedAt);
    }

    public Commission paidBy(String payout) {
        return new Commission(id, partnerId, kind, CommissionStatus.PAID, amount, rule, source, orderId, reverses,
                earnedAt, payableOn, approvedAt, payout, voidedAt);
    }

    /** Its payout failed: back in the balance, approved. */
    public Commission returned() {
        return new Commission(id, partnerId, kind, CommissionStatus.APPROVED, amount, rule, source, orderId, reverses,
                earnedAt, payableOn, approvedAt, null, voidedAt);
    }

    public Commission voided(Instant at) {
        return new Commission(id, partnerId, kind, status, amount, rule, source, orderId, reverses, earnedAt,
                payableOn, approvedAt, payoutId, at);
    }

    public Optional<CommissionId> reversed() {
        return Optional.ofNullable(reverses);
    }
}

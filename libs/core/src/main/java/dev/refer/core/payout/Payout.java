package dev.refer.core.payout;

import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What a partner is paid for one period in one currency: the sum of the ledger entries it took (never edited: the
 * amount is the sum of the entries marked paid by it).
 *
 * @param cutoff        entries due before this instant (and written before it) belong to the period
 * @param entryCount    entries marked paid by it so far
 * @param returned      for a FAILED payout: true once its entries are back in the balance
 */
public record Payout(PayoutId id, PartnerId partnerId, YearMonth period, Money amount, int entryCount,
                     PayoutStatus status, Instant cutoff, Instant createdAt, Instant updatedAt, String reference,
                     String failureReason, boolean returned) {

    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new payout, before any entry is marked. */
    public static Payout open(PayoutId id, Instant cutoff, Instant now) {
        return new Payout(id, id.partnerId(), id.period(), Money.zero(id.currency()), 0, PayoutStatus.OPEN, cutoff,
                now, now, null, null, false);
    }
}

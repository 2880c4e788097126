package dev.refer.core.payout;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.List;

/**
 * The partners that have unpaid ledger entries, spread over {@link #SHARDS} index partitions: what the payout run pages
 * through, so it grows with the partners who earned, not with the table. A partner joins when the stream projection
 * sees an unpaid entry of theirs; a payout run forgets a partner left with nothing unpaid.
 */
public interface PayeeIndex {

    int SHARDS = 16;

    record PayeePage(List<PartnerId> partners, String nextCursor) {
        public PayeePage {
            partners = List.copyOf(partners);
        }
    }

    PayeePage payees(int shard, String cursor, int limit);

    /** Forgets the partner unless an unpaid entry of theirs was seen at or after {@code checkedAt}. */
    void forget(PartnerId partnerId, Instant checkedAt);
}

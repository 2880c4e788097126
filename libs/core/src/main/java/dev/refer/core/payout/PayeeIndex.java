package dev.refer.core.payout;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.List;

/**
 * The partners that have unpaid ledger entries, spread over {@link #SHARDS} index partitions: what the payout run pages
 * through, so it grows with the partners who earned, not with the table. A partner joins when the stream projection
 * sees an unpaid entry of theirs; a payout run forgets a partner left with nothing unpaid. The stream projection may
 * give up on a batch (its retries exhausted, its records expired after a day): so each run first sweeps the program's
 * partners ({@link #partners}) and lists those with an unpaid entry that the index lacks ({@link #list}).
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

    /** A page of all the program's partners, listed or not (the sweep that repairs the index). */
    PayeePage partners(String cursor, int limit);

    /** Lists the partner unless it is listed: true when it was missing (its stream record was lost). */
    boolean list(PartnerId partnerId, Instant at);
}

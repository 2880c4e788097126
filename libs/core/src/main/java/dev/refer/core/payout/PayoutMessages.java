package dev.refer.core.payout;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The run's work queue: a message per partner to pay, and a message per planning step of a payee shard. */
public interface PayoutMessages {

    /** One message per partner (sent in batches). */
    void payPartners(YearMonth period, Instant periodStart, Instant cutoff, List<PartnerId> partners);

    /** Plan the next page of {@code shard}. */
    void planShard(YearMonth period, int shard);

    /** Send the run's summary if it is complete (the planner may not send mail itself). */
    void summarize(YearMonth period);
}

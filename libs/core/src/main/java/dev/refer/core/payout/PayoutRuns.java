package dev.refer.core.payout;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one period's run: where planning stands in each payee shard, how many partners were planned and how
 * many were processed (each counted once), so the run knows when it is complete.
 */
public interface PayoutRuns {

    /** The cursor of a shard that is fully planned. */
    String DONE = "~done";

    /**
     * The planning lane of the sweep that repairs the payee index before the shards are planned
     * ({@link PlanPayouts}): its cursor moves as a shard's, it plans no partner and counts as no shard.
     */
    int SWEEP = PayeeIndex.SHARDS;

    /**
     * @param cursors     per shard (and the {@link #SWEEP}), where planning resumes (absent: from the start)
     * @param shardsDone  shards fully planned
     */
    record Run(YearMonth period, Instant periodStart, Instant cutoff, long planned, long processed,
               Map<Integer, String> cursors, int shardsDone, Instant startedAt) {
        public Run {
            cursors = Map.copyOf(cursors);
        }

        public boolean planningDone() {
            return shardsDone >= PayeeIndex.SHARDS;
        }

        public boolean complete() {
            return planningDone() && processed >= planned;
        }
    }

    /** Starts the period's run, or returns it as it stands if it was started before. */
    Run start(YearMonth period, Instant periodStart, Instant cutoff, Instant now);

    Optional<Run> find(YearMonth period);

    /**
     * Records a planned page of {@code shard}: planning moves from {@code from} to {@code to} (null: the shard is done,
     * its cursor becomes {@link #DONE})
     * and {@code count} partners were sent. False, with nothing recorded, when the shard was no longer at {@code from}
     * (another delivery of the same step got there first).
     */
    boolean planned(YearMonth period, int shard, String from, String to, int count);

    /** Counts the partner as processed, once however often it is told; returns the run after. */
    Run processed(YearMonth period, PartnerId partnerId);
}

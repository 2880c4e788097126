package dev.refer.core.payout;

import dev.refer.core.validation.Invalid;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Starts a period's payout run (the schedule on the 1st of the month in the program's time zone, for the month that
 * just ended; or the program manager, for a rerun): records the run and sends the first planning step of each payee
 * shard not yet fully planned ({@link PlanPayouts}). Starting a run that exists resumes it; nothing done is redone.
 */
public final class StartPayoutRun {

    private final PayoutRuns runs;
    private final PayoutMessages messages;
    private final Clock clock;

    public StartPayoutRun(PayoutRuns runs, PayoutMessages messages, Clock clock) {
        this.runs = runs;
        this.messages = messages;
        this.clock = clock;
    }

    /** Starts (or resumes) the run of {@code period}. A period that has not ended yet is refused. */
    public PayoutRuns.Run start(YearMonth period, ZoneId zone) {
        Instant cutoff = PlanPayouts.cutoff(period, zone);
        if (cutoff.isAfter(clock.instant())) {
            throw Invalid.field("period", "has not ended yet");
        }
        PayoutRuns.Run run = runs.start(period, PlanPayouts.periodStart(period, zone), cutoff, clock.instant());
        for (int shard = 0; shard < PayeeIndex.SHARDS; shard++) {
            if (!PayoutRuns.DONE.equals(run.cursors().get(shard))) {
                messages.planShard(period, shard);
            }
        }
        return run;
    }
}

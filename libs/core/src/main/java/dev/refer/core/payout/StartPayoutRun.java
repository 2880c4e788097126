package dev.refer.core.payout;

import dev.refer.core.basics.validation.Invalid;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Starts a period's payout run (the schedule on the 1st of the month in the program's time zone, for the month that
 * just ended; or the program manager, for a rerun): records the run, sweeps the partners for payees the index lacks
 * (a page here, further pages through the queue) and then takes the first planning step of each payee shard not yet
 * fully planned itself ({@link PlanPayouts}: a page of partners each, so a small program is planned at
 * once; a shard with more pages continues through the queue). Starting a run that exists resumes it; nothing done is
 * redone. A start by hand is refused while another period's run is incomplete: two runs at once would compete for the
 * same partner's entries and could each take a part of them (below the minimum, or negative).
 */
public final class StartPayoutRun {

    /** What a start by hand came to. */
    public sealed interface ByHand {
        record Started(PayoutRuns.Run run) implements ByHand {
        }

        /** {@code incomplete}, another period's run, is not complete yet: finish or resume it first. */
        record Refused(PayoutRuns.Run incomplete) implements ByHand {
        }
    }

    /** How many months back (from the month that just ended) a start by hand looks for an incomplete run. */
    public static final int LOOK_BACK_MONTHS = 12;

    private final PayoutRuns runs;
    private final PlanPayouts planner;
    private final PayoutMessages messages;
    private final Clock clock;

    public StartPayoutRun(PayoutRuns runs, PlanPayouts planner, PayoutMessages messages, Clock clock) {
        this.runs = runs;
        this.planner = planner;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The program manager starts (or resumes) the run of {@code period}: refused while the run of another of the last
     * {@value #LOOK_BACK_MONTHS} periods is incomplete (one read each). A period that has not ended yet is invalid.
     */
    public ByHand startByHand(YearMonth period, ZoneId zone) {
        requireEnded(period, zone);
        YearMonth latest = PayoutCalendar.previousPeriod(clock.instant(), zone);
        for (int back = 0; back < LOOK_BACK_MONTHS; back++) {
            YearMonth other = latest.minusMonths(back);
            if (!other.equals(period)) {
                var run = runs.find(other);
                if (run.isPresent() && !run.get().complete()) {
                    return new ByHand.Refused(run.get());
                }
            }
        }
        return new ByHand.Started(start(period, zone));
    }

    /** Starts (or resumes) the run of {@code period}. A period that has not ended yet is refused. */
    public PayoutRuns.Run start(YearMonth period, ZoneId zone) {
        Instant cutoff = requireEnded(period, zone);
        PayoutRuns.Run run = runs.start(period, PayoutCalendar.periodStart(period, zone), cutoff, clock.instant());
        boolean finished = planner.begin(run);
        PayoutRuns.Run now = runs.find(period).orElse(run);
        if (finished && now.complete()) {
            // every partner was processed before planning ended (or there was none): a worker sends the summary
            messages.summarize(period);
        }
        return now;
    }

    private Instant requireEnded(YearMonth period, ZoneId zone) {
        if (!PayoutCalendar.hasEnded(period, zone, clock.instant())) {
            throw Invalid.field("period", "has not ended yet");
        }
        return PayoutCalendar.cutoff(period, zone);
    }
}

package dev.refer.core.payout;

import java.time.YearMonth;

/**
 * The noon check of a payout run (template: PayoutPlannerFunction's RunCheck schedule, noon of the 1st in
 * PayoutTimeZone): a run starts at 06:00 and, paced by the send rate, pays 100,000 partners within a few hours. One not
 * complete by noon (never started, still planning, or payees left unprocessed: a message in the dead-letter queue, a
 * worker failing) is what the alarm on {@code PayoutRunIncomplete} wakes someone for.
 */
public final class CheckPayoutRun {

    /** Where the period's run stands at the check. */
    public sealed interface Result {
        YearMonth period();

        default boolean complete() {
            return this instanceof Complete;
        }

        record Complete(YearMonth period, long paid) implements Result {
        }

        record Incomplete(YearMonth period, boolean planningDone, long planned, long processed) implements Result {
        }

        record NotStarted(YearMonth period) implements Result {
        }
    }

    private final PayoutRuns runs;

    public CheckPayoutRun(PayoutRuns runs) {
        this.runs = runs;
    }

    public Result check(YearMonth period) {
        return runs.find(period).<Result>map(run -> run.complete() ? new Result.Complete(period, run.processed())
                        : new Result.Incomplete(period, run.planningDone(), run.planned(), run.processed()))
                .orElseGet(() -> new Result.NotStarted(period));
    }
}

package dev.refer.core.comms.mailing;

import dev.refer.core.payout.PayoutCalendar;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The noon check of the month's check-ins (template: CheckinPlannerFunction's CheckinRunCheck schedule, noon of the
 * check-in day in PayoutTimeZone): a run starts at 09:00 and, paced by the send rate, writes to 100,000 partners
 * within a few hours. One not complete by noon (never started, still planning, or partners not yet decided: a message
 * in the dead-letter queue, a worker failing) is what the alarm on {@code CheckinRunIncomplete} wakes someone for.
 */
public final class CheckMailingRun {

    /** Where the month's check-in run stands at the check. */
    public sealed interface Result {
        Campaign campaign();

        default boolean complete() {
            return this instanceof Complete;
        }

        record Complete(Campaign campaign, long decided) implements Result {
        }

        record Incomplete(Campaign campaign, boolean planningDone, long planned, long decided) implements Result {
        }

        record NotStarted(Campaign campaign) implements Result {
        }
    }

    private final MailingRuns runs;
    private final ZoneId zone;
    private final Clock clock;

    public CheckMailingRun(MailingRuns runs, ZoneId zone, Clock clock) {
        this.runs = runs;
        this.zone = zone;
        this.clock = clock;
    }

    /** The check-ins of {@code month}, or of the month that ended when null (as the schedule starts them). */
    public Result checkins(YearMonth month) {
        Campaign campaign = Campaign.checkin(month != null ? month : PayoutCalendar.previousPeriod(clock.instant(), zone));
        return runs.find(campaign).<Result>map(run -> {
            // each partner's outcome (sent, suppressed, opted out, failed) is counted once
            long decided = run.counts().values().stream().mapToLong(Long::longValue).sum();
            return run.planningDone() && decided >= run.planned() ? new Result.Complete(campaign, decided)
                    : new Result.Incomplete(campaign, run.planningDone(), run.planned(), decided);
        }).orElseGet(() -> new Result.NotStarted(campaign));
    }
}

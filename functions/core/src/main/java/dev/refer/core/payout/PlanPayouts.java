package dev.refer.core.payout;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Plans a period's payout run: started by the schedule (the 1st of the month, in the program's time zone, for the
 * month that just ended), it records the run and sends one planning message per payee shard; each planning step
 * sends one message per partner of one page of its shard, records the step, and sends the next step. The queue and
 * Lambda's concurrency do the work: no function re-invokes itself, no step waits for another, and a step delivered
 * twice finds it was recorded and stops (its partner messages are harmless duplicates: paying is idempotent).
 */
public final class PlanPayouts {

    /** Partners per planning step: ten SQS batches of ten, a few seconds of work. */
    public static final int PAGE = 100;

    private final PayeeIndex payees;
    private final PayoutRuns runs;
    private final PayoutMessages messages;
    private final SummarizeRun summary;
    private final Clock clock;

    public PlanPayouts(PayeeIndex payees, PayoutRuns runs, PayoutMessages messages, SummarizeRun summary, Clock clock) {
        this.payees = payees;
        this.runs = runs;
        this.messages = messages;
        this.summary = summary;
        this.clock = clock;
    }

    /** The month that ended before {@code now} in {@code zone}. */
    public static YearMonth previousPeriod(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** The instant {@code period} starts in {@code zone}. */
    public static Instant periodStart(YearMonth period, ZoneId zone) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The instant {@code period} ends in {@code zone}: entries due before it belong to it. */
    public static Instant cutoff(YearMonth period, ZoneId zone) {
        LocalDate next = period.plusMonths(1).atDay(1);
        return next.atStartOfDay(zone).toInstant();
    }

    /** Starts (or resumes) the run of {@code period}. A period that has not ended yet is refused. */
    public PayoutRuns.Run start(YearMonth period, ZoneId zone) {
        Instant cutoff = cutoff(period, zone);
        if (cutoff.isAfter(clock.instant())) {
            throw dev.refer.core.validation.Invalid.field("period", "has not ended yet");
        }
        PayoutRuns.Run run = runs.start(period, periodStart(period, zone), cutoff, clock.instant());
        for (int shard = 0; shard < PayeeIndex.SHARDS; shard++) {
            if (!PayoutRuns.DONE.equals(run.cursors().get(shard))) {
                messages.planShard(period, shard);
            }
        }
        return run;
    }

    /** One planning step of {@code shard}. */
    public void planShard(YearMonth period, int shard) {
        PayoutRuns.Run run = runs.find(period)
                .orElseThrow(() -> new IllegalStateException("no payout run for " + period));
        String from = run.cursors().get(shard);
        if (PayoutRuns.DONE.equals(from)) {
            return;
        }
        PayeeIndex.PayeePage page = payees.payees(shard, from, PAGE);
        messages.payPartners(period, run.periodStart(), run.cutoff(), page.partners());
        if (!runs.planned(period, shard, from, page.nextCursor(), page.partners().size())) {
            return; // another delivery of this step recorded it (and sent the next)
        }
        if (page.nextCursor() != null) {
            messages.planShard(period, shard);
        } else {
            runs.find(period).ifPresent(summary::ifComplete);
        }
    }
}

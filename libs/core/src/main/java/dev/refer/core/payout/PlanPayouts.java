package dev.refer.core.payout;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Plans a period's payout run, one step per message ({@link StartPayoutRun} takes the first step: the sweep that repairs
 * the payee index, whose last page sends the first step of each payee shard): a step sends one message per partner of one page of its shard, records the step, and sends the next. The queue and
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
    private final PayoutBook book;
    private final Clock clock;

    public PlanPayouts(PayeeIndex payees, PayoutRuns runs, PayoutMessages messages, SummarizeRun summary,
                       PayoutBook book, Clock clock) {
        this.payees = payees;
        this.runs = runs;
        this.messages = messages;
        this.summary = summary;
        this.book = book;
        this.clock = clock;
    }

    /** The summary of {@code period}'s run, if it is complete (a summarize message). */
    public void summarize(YearMonth period) {
        runs.find(period).ifPresent(summary::ifComplete);
    }

    /** One planning step of {@code shard} (or of the {@link PayoutRuns#SWEEP}). */
    public void planShard(YearMonth period, int shard) {
        PayoutRuns.Run run = runs.find(period)
                .orElseThrow(() -> new IllegalStateException("no payout run for " + period));
        if (shard == PayoutRuns.SWEEP ? sweepStep(run) : planStep(run, shard)) {
            runs.find(period).ifPresent(summary::ifComplete);
        }
    }

    /**
     * The run's first planning step as it stands: the sweep while it is not done, else the first step of each shard
     * not fully planned. True when it finished the planning.
     */
    boolean begin(PayoutRuns.Run run) {
        return PayoutRuns.DONE.equals(run.cursors().get(PayoutRuns.SWEEP)) ? planShards(run) : sweepStep(run);
    }

    private boolean planShards(PayoutRuns.Run run) {
        boolean finished = false;
        for (int shard = 0; shard < PayeeIndex.SHARDS; shard++) {
            finished |= planStep(run, shard);
        }
        return finished;
    }

    /**
     * One page of the sweep that repairs the payee index before the shards are planned: the stream projection that
     * keeps the index may have given up on a batch (its retries exhausted), so every partner of the page with an
     * unpaid entry is listed if the index lacks it. The last page starts the shards' planning. A partner costs one
     * Query a run (whether it has an unpaid entry). True when it finished the planning (nothing to plan).
     */
    boolean sweepStep(PayoutRuns.Run run) {
        YearMonth period = run.period();
        String from = run.cursors().get(PayoutRuns.SWEEP);
        if (PayoutRuns.DONE.equals(from)) {
            return false;
        }
        PayeeIndex.PayeePage page = payees.partners(from, PAGE);
        for (dev.refer.core.partner.PartnerId partner : page.partners()) {
            if (book.hasUnpaid(partner)) {
                payees.list(partner, clock.instant());
            }
        }
        if (!runs.planned(period, PayoutRuns.SWEEP, from, page.nextCursor(), 0)) {
            return false; // another delivery of this step recorded it (and sent the next)
        }
        if (page.nextCursor() != null) {
            messages.planShard(period, PayoutRuns.SWEEP);
            return false;
        }
        return planShards(runs.find(period).orElse(run));
    }

    /**
     * One planning step of {@code shard} of {@code run} as read: true when it finished the shard (the caller checks
     * whether the run is complete).
     */
    boolean planStep(PayoutRuns.Run run, int shard) {
        YearMonth period = run.period();
        String from = run.cursors().get(shard);
        if (PayoutRuns.DONE.equals(from)) {
            return false;
        }
        PayeeIndex.PayeePage page = payees.payees(shard, from, PAGE);
        if (!page.partners().isEmpty()) {
            messages.payPartners(period, run.periodStart(), run.cutoff(), page.partners());
        }
        if (!runs.planned(period, shard, from, page.nextCursor(), page.partners().size())) {
            return false; // another delivery of this step recorded it (and sent the next)
        }
        if (page.nextCursor() != null) {
            messages.planShard(period, shard);
            return false;
        }
        return true;
    }
}

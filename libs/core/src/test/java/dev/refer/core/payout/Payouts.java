package dev.refer.core.payout;

import dev.refer.core.Flow;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryPayouts;
import dev.refer.core.review.ReviewCommission;
import dev.refer.core.mail.SendOnce;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The payout use cases wired on the in-memory fakes of a {@link Flow}, with a queue the test drains. */
final class Payouts {

    final Flow flow;
    final InMemoryPayouts fakes;
    final SendOnce mail;
    final SummarizeRun summary;
    final PayPartner payPartner;
    final PlanPayouts planner;
    final StartPayoutRun starter;
    final ReviewPayout reviewPayout;
    final ReviewCommission reviewCommission;

    final ZoneId zone;

    Payouts(Flow flow) {
        this(flow, ZoneOffset.UTC);
    }

    /** @param zone the program's time zone (PayoutTimeZone) */
    Payouts(Flow flow, ZoneId zone) {
        this.flow = flow;
        this.zone = zone;
        this.fakes = new InMemoryPayouts(flow.store);
        this.mail = new SendOnce(fakes, fakes, flow.clock);
        this.summary = new SummarizeRun(Fixtures.PROGRAM, flow.store, fakes, mail);
        this.payPartner = new PayPartner(Fixtures.PROGRAM, flow.store, flow.store, fakes, fakes, fakes, mail, summary,
                flow.clock, zone);
        this.planner = new PlanPayouts(fakes, fakes, fakes, summary, fakes, flow.clock);
        this.starter = new StartPayoutRun(fakes, planner, fakes, flow.clock);
        this.reviewPayout = new ReviewPayout(fakes, flow.clock);
        this.reviewCommission = new ReviewCommission(flow.store, flow.store, flow.store, flow.ids, flow.clock);
    }

    /** Starts the run of {@code period} (in the program's zone) and delivers every message until the queue is empty. */
    PayoutRuns.Run run(YearMonth period) {
        starter.start(period, zone);
        drain();
        return fakes.find(period).orElseThrow();
    }

    void drain() {
        while (!fakes.queue.isEmpty()) {
            InMemoryPayouts.Message message = fakes.queue.poll();
            if (message.summarize()) {
                planner.summarize(message.period());
            } else if (message.shard() != null) {
                planner.planShard(message.period(), message.shard());
            } else {
                payPartner.run(new PayPartner.Command(message.period(), message.periodStart(), message.cutoff(),
                        message.partnerId()));
            }
        }
    }
}

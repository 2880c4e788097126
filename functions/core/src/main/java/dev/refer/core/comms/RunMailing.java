package dev.refer.core.comms;

import dev.refer.core.page.Page;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;

/**
 * Plans a campaign through the queue, a page of partners per step: one message per partner, then the next step.
 * A step sends its messages and the next step before it moves the run's cursor (a condition on where the cursor
 * was): a step delivered again after a crash repeats its messages (the send log drops the second email) and moves
 * the cursor; a step whose cursor moved meanwhile (a duplicate) stops there, so the chain never forks.
 */
public final class RunMailing {

    private final Audience audience;
    private final MailingRuns runs;
    private final MailingMessages messages;
    private final Clock clock;

    public RunMailing(Audience audience, MailingRuns runs, MailingMessages messages, Clock clock) {
        this.audience = audience;
        this.runs = runs;
        this.messages = messages;
        this.clock = clock;
    }

    /** Starts (or resumes) the campaign: plans its first page now, the rest through the queue. */
    public MailingRuns.Run start(Campaign campaign) {
        MailingRuns.Run run = runs.start(campaign, clock.instant());
        if (run.cursor() == null) {
            step(campaign, null);
        } else if (!run.planningDone()) {
            messages.step(campaign, run.cursor()); // resumes a run whose chain stopped (a step in the DLQ)
        } else {
            messages.finish(campaign); // what follows planning happens once, whatever asks for it again
        }
        return runs.find(campaign).orElse(run);
    }

    /** One planning step; false when it was done before (nothing sent). */
    public boolean step(Campaign campaign, String cursor) {
        MailingRuns.Run run = runs.find(campaign)
                .orElseThrow(() -> new IllegalStateException("no run for " + campaign.key()));
        if (run.planningDone()) {
            messages.finish(campaign); // a step after the end (a crash between the end and its finish): finish again
            return false;
        }
        if (!java.util.Objects.equals(run.cursor(), cursor)) {
            return false;
        }
        Page<PartnerId> page = audience.page(campaign, cursor);
        if (!page.items().isEmpty()) {
            messages.write(campaign, page.items());
        }
        if (page.nextCursor() == null) {
            // the end: the count is complete before what follows planning reads it
            boolean moved = runs.advance(campaign, cursor, MailingRuns.DONE, page.items().size());
            messages.finish(campaign);
            return moved;
        }
        messages.step(campaign, page.nextCursor());
        return runs.advance(campaign, cursor, page.nextCursor(), page.items().size());
    }
}

package dev.refer.core.comms.mailing;

import dev.refer.core.basics.page.Page;
import dev.refer.core.partner.PartnerId;

import dev.refer.core.basics.ids.IdGenerator;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Plans a campaign through the queue, a page of partners per step: one message per partner, then the next step.
 * A step moves the run's cursor first (a condition on where the cursor was, recording the step's id), then sends its
 * messages and the next step: of two copies of one step (a duplicate message, or a redelivery racing a slow first
 * delivery) one moves the cursor and the other finds it moved and sends nothing, so the chain never forks and the
 * sending pace never doubles. The step that moved the cursor, delivered again (its invocation failed after the move),
 * sends its page and the next step again (the send log drops the second email; of the two next steps one moves on).
 */
public final class RunMailing {

    private final Audience audience;
    private final MailingRuns runs;
    private final MailingMessages messages;
    private final Clock clock;
    private final IdGenerator stepIds;

    public RunMailing(Audience audience, MailingRuns runs, MailingMessages messages, Clock clock,
                      IdGenerator stepIds) {
        this.audience = audience;
        this.runs = runs;
        this.messages = messages;
        this.clock = clock;
        this.stepIds = stepIds;
    }

    /** Starts (or resumes) the campaign: plans its first page now, the rest through the queue. */
    public MailingRuns.Run start(Campaign campaign) {
        MailingRuns.Run run = runs.start(campaign, clock.instant());
        if (run.cursor() == null) {
            step(campaign, null, stepIds.newId());
        } else if (run.last() != null) {
            // resumes a run whose chain stopped (a step in the DLQ, or a start that failed after its move): the last
            // step again, which sends its page (the send log drops what went out) and what follows it, once
            messages.step(campaign, run.last().cursor(), run.last().stepId());
        } else if (run.planningDone()) {
            messages.finish(campaign); // what follows planning happens once, whatever asks for it again
        } else {
            messages.step(campaign, run.cursor(), stepIds.newId());
        }
        return runs.find(campaign).orElse(run);
    }

    /**
     * One planning step; false when it sent nothing (a duplicate, or done before).
     *
     * @param stepId the step message's id (null from a message queued before steps had ids: then it only moves on)
     */
    public boolean step(Campaign campaign, String cursor, String stepId) {
        MailingRuns.Run run = runs.find(campaign)
                .orElseThrow(() -> new IllegalStateException("no run for " + campaign.key()));
        String id = stepId == null ? stepIds.newId() : stepId;
        if (!run.planningDone() && Objects.equals(run.cursor(), cursor)) {
            Page<PartnerId> page = audience.page(campaign, cursor);
            String next = page.nextCursor() == null ? MailingRuns.DONE : page.nextCursor();
            // the end moves the cursor with the page's count: the count is complete before what follows reads it
            if (!runs.advance(campaign, cursor, next, page.items().size(), id)) {
                return false; // a copy of this step moved it first and sends the page
            }
            send(campaign, page.items(), next);
            return true;
        }
        MailingRuns.LastStep last = run.last();
        if (stepId != null && last != null && stepId.equals(last.stepId()) && Objects.equals(last.cursor(), cursor)) {
            // this very step moved the cursor and failed before it told the queue (or is delivered again): send all
            send(campaign, audience.page(campaign, cursor).items(), run.cursor());
            return true;
        }
        if (run.planningDone()) {
            messages.finish(campaign); // a step after the end (a crash between the end and its finish): finish again
        }
        return false;
    }

    /** The page's messages, then the next step (or, at the end, what follows planning). */
    private void send(Campaign campaign, List<PartnerId> partners, String next) {
        if (!partners.isEmpty()) {
            messages.write(campaign, partners);
        }
        if (MailingRuns.DONE.equals(next)) {
            messages.finish(campaign);
        } else {
            messages.step(campaign, next, stepIds.newId());
        }
    }
}

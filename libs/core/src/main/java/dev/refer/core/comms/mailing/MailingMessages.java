package dev.refer.core.comms.mailing;

import dev.refer.core.partner.PartnerId;

import java.util.List;

/** The mail queue (template: MailQueue): the work of a campaign, one message per partner or step. */
public interface MailingMessages {

    /** One message per partner: write to it. */
    void write(Campaign campaign, List<PartnerId> partners);

    /** Plan the page at {@code cursor}: the step {@code stepId} (a fresh id per step; its redeliveries keep it). */
    void step(Campaign campaign, String cursor, String stepId);

    /** Planning is over: what follows it (the check-in summary to the program manager; sales' lead digest). */
    void finish(Campaign campaign);

    /** The broadcast's preview to the program manager. */
    void preview(String broadcastId);
}

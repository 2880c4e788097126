package dev.refer.core.comms.broadcast;

import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.comms.mailing.TeamMail;
import dev.refer.core.mail.BroadcastLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

/**
 * Writes a broadcast (the mail worker's part): its preview to the program manager, once per broadcast, and the
 * broadcast to one active partner per campaign message, under the consent rules ({@link Deliver}).
 */
public final class MailBroadcast {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final BroadcastBook book;
    private final CommsSettingsRepository settings;
    private final UnsubscribeLinks unsubscribe;
    private final Deliver deliver;
    private final SendOnce transactional;

    public MailBroadcast(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                         BroadcastBook book, CommsSettingsRepository settings, UnsubscribeLinks unsubscribe,
                         Deliver deliver, SendOnce transactional) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.book = book;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
        this.transactional = transactional;
    }

    /** The preview, to the program manager, once per broadcast. */
    public TeamMail preview(String id) {
        Broadcast broadcast = book.find(id).orElse(null);
        Program program = program();
        if (broadcast == null) {
            return new TeamMail.NotSent(TeamMail.Why.NOTHING_TO_TELL);
        }
        if (program.payouts().managerEmail() == null) {
            return new TeamMail.NotSent(TeamMail.Why.NOBODY_TO_TELL);
        }
        return new TeamMail.Sent(transactional.send("broadcast-preview#" + id, null, "broadcast-preview",
                program.payouts().managerEmail(), () -> new BroadcastLetter(program.payouts().managerEmail(),
                        program.payouts().locale(), settings.find().programNameOr(programId.value()), null,
                        broadcast.subject(), broadcast.body(), true, null)));
    }

    /** The broadcast to one partner (a campaign message). */
    public Mailed toPartner(Campaign campaign, PartnerId partnerId) {
        Broadcast broadcast = book.find(campaign.id()).orElse(null);
        if (broadcast == null || broadcast.status() != Broadcast.Status.SENDING) {
            return new Mailed.NotWritten(Mailed.Why.NOT_SENDING);
        }
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_GONE);
        }
        if (!partner.isActive()) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_INACTIVE);
        }
        Program program = program();
        String programName = settings.find().programNameOr(programId.value());
        return new Mailed.Delivered(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId, "broadcast",
                partner.email(), Topic.BROADCAST, false, () -> new BroadcastLetter(partner.email(),
                program.payouts().locale(), programName, partner.name(), broadcast.subject(), broadcast.body(), false,
                unsubscribe.url(partnerId, Topic.BROADCAST)))));
    }

    private Program program() {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

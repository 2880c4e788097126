package dev.refer.core.comms;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.mail.BroadcastLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.util.Optional;

/**
 * Announcements to all active partners: created as a draft whose preview goes to the program manager, then sent
 * through the mail queue under the check-in's rules (send log, pace, suppression, unsubscribe), each partner once;
 * the run counts what was sent, suppressed, opted out and failed.
 */
public final class Broadcasts {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final BroadcastBook book;
    private final CommsSettingsRepository settings;
    private final MailingMessages messages;
    private final RunMailing mailing;
    private final UnsubscribeLinks unsubscribe;
    private final Deliver deliver;
    private final SendOnce transactional;
    private final IdGenerator ids;
    private final Clock clock;

    public Broadcasts(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                      BroadcastBook book, CommsSettingsRepository settings, MailingMessages messages,
                      RunMailing mailing, UnsubscribeLinks unsubscribe, Deliver deliver, SendOnce transactional,
                      IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.book = book;
        this.settings = settings;
        this.messages = messages;
        this.mailing = mailing;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
        this.transactional = transactional;
        this.ids = ids;
        this.clock = clock;
    }

    /** A draft, and its preview on its way to the program manager. */
    public Broadcast create(String subject, String body, String audience) {
        Program program = program();
        if (program.payouts().managerEmail() == null) {
            throw Invalid.field("payouts.managerEmail", "must be set in the program: the preview goes there");
        }
        Broadcast broadcast = new Broadcast(ids.newId(), subject, body, audience, Broadcast.Status.DRAFT,
                clock.instant(), null);
        book.create(broadcast);
        messages.preview(broadcast.id());
        return broadcast;
    }

    /** Starts (or resumes) sending; empty when there is no such broadcast. */
    public Optional<MailingRuns.Run> send(String id) {
        return book.markSending(id, clock.instant()).map(b -> mailing.start(Campaign.broadcast(id)));
    }

    /** The preview, to the program manager, once per broadcast. */
    public Optional<SendOnce.Outcome> preview(String id) {
        Broadcast broadcast = book.find(id).orElse(null);
        Program program = program();
        if (broadcast == null || program.payouts().managerEmail() == null) {
            return Optional.empty();
        }
        return Optional.of(transactional.send("broadcast-preview#" + id, null, "broadcast-preview",
                program.payouts().managerEmail(), () -> new BroadcastLetter(program.payouts().managerEmail(),
                        program.payouts().locale(), settings.find().programNameOr(programId.value()), null,
                        broadcast.subject(), broadcast.body(), true, null)));
    }

    /** The broadcast to one partner (a campaign message). */
    public Optional<Deliver.Outcome> toPartner(Campaign campaign, PartnerId partnerId) {
        Broadcast broadcast = book.find(campaign.id()).orElse(null);
        Partner partner = partners.find(partnerId).orElse(null);
        if (broadcast == null || broadcast.status() != Broadcast.Status.SENDING || partner == null
                || !partner.isActive()) {
            return Optional.empty();
        }
        Program program = program();
        String programName = settings.find().programNameOr(programId.value());
        return Optional.of(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId, "broadcast",
                partner.email(), Topic.BROADCAST, false, () -> new BroadcastLetter(partner.email(),
                program.payouts().locale(), programName, partner.name(), broadcast.subject(), broadcast.body(), false,
                unsubscribe.url(partnerId, Topic.BROADCAST)))));
    }

    private Program program() {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

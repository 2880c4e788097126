package dev.refer.core.comms.notify;

import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.util.List;

/** The day's digest of one topic to one partner (a digest campaign's message): what was filed for it that day. */
public final class SendPartnerDigest {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final DigestBook digests;
    private final CommsSettingsRepository settings;
    private final UnsubscribeLinks unsubscribe;
    private final Deliver deliver;

    public SendPartnerDigest(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                             DigestBook digests, CommsSettingsRepository settings, UnsubscribeLinks unsubscribe,
                             Deliver deliver) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.digests = digests;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
    }

    public Mailed send(Campaign campaign, PartnerId partnerId) {
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_GONE);
        }
        List<NotificationLetter.Event> events = List.copyOf(digests.events(partnerId, campaign.day(),
                campaign.topic()));
        if (events.isEmpty()) {
            return new Mailed.NotWritten(Mailed.Why.NOTHING_TO_SAY);
        }
        Program program = SendSalesDigest.program(programs, programId);
        CommsSettings written = settings.find();
        return new Mailed.Delivered(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId,
                "digest", partner.email(), campaign.topic(), true,
                () -> new NotificationLetter(partner.email(), program.payouts().locale(),
                        written.programNameOr(programId.value()), partner.name(), campaign.topic().wireName(), events,
                        campaign.day(), unsubscribe.url(partnerId, campaign.topic())))));
    }
}

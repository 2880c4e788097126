package dev.refer.core.comms.notify;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.mailing.DigestCalendar;
import dev.refer.core.comms.mailing.TeamMail;
import dev.refer.core.mail.LeadAlertLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.LocalDate;

/**
 * Sales (or the program manager) hear of a new lead a partner brought, once; of one partner's leads, at most the
 * program's {@code notificationsPerDay} a day one by one (a flood is no inbox's matter): the rest are held for the
 * day's lead digest ({@link SendSalesDigest}).
 */
public final class AlertSales {

    static final String STREAM = "sales-alerts";

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final DigestBook digests;
    private final CommsSettingsRepository settings;
    private final SendOnce transactional;
    private final DigestCalendar calendar;

    public AlertSales(ProgramId programId, ProgramRepository programs, PartnerRepository partners, DigestBook digests,
                      CommsSettingsRepository settings, SendOnce transactional, DigestCalendar calendar) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.digests = digests;
        this.settings = settings;
        this.transactional = transactional;
        this.calendar = calendar;
    }

    public TeamMail alert(SalesAlert lead) {
        LocalDate day = lead.createdAt().atZone(calendar.zone()).toLocalDate();
        CommsSettings written = settings.find();
        if (!digests.admitNow(lead.partnerId(), day, STREAM, "lead-alert#" + lead.leadId(),
                written.notificationsPerDay())) {
            String digestKey = SendSalesDigest.key(day);
            digests.hold(calendar.dayTaking(day, () -> transactional.claimed(digestKey)), lead);
            return new TeamMail.NotSent(TeamMail.Why.HELD_FOR_DIGEST);
        }
        Program program = SendSalesDigest.program(programs, programId);
        EmailAddress to = SendSalesDigest.salesAddress(program, written);
        if (to == null) {
            return new TeamMail.NotSent(TeamMail.Why.NOBODY_TO_TELL);
        }
        Partner partner = partners.find(lead.partnerId()).orElse(null);
        return new TeamMail.Sent(transactional.send("lead-alert#" + lead.leadId(), null, "lead-alert", to,
                () -> new LeadAlertLetter(to, program.payouts().locale(), written.programNameOr(programId.value()),
                        lead.leadId(), lead.name(), lead.email(), lead.company(),
                        partner == null ? lead.partnerId().value() : partner.name(),
                        partner == null ? null : partner.email().value(), lead.createdAt())));
    }
}

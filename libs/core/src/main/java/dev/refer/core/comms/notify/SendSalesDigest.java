package dev.refer.core.comms.notify;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.mailing.TeamMail;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's lead digest to sales: the leads a flood held back from one-by-one alerts ({@link AlertSales}), once
 * (after the day's partner digests are planned).
 */
public final class SendSalesDigest {

    /** At most this many held-back leads are listed in a day's lead digest (the rest are counted, and in the API). */
    public static final int LEAD_DIGEST_LINES = 200;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final DigestBook digests;
    private final CommsSettingsRepository settings;
    private final SendOnce transactional;

    public SendSalesDigest(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                           DigestBook digests, CommsSettingsRepository settings, SendOnce transactional) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.digests = digests;
        this.settings = settings;
        this.transactional = transactional;
    }

    public TeamMail send(LocalDate day) {
        DigestBook.Held held = digests.held(day, LEAD_DIGEST_LINES);
        if (held.total() == 0) {
            return new TeamMail.NotSent(TeamMail.Why.NOTHING_TO_TELL);
        }
        Program program = program(programs, programId);
        CommsSettings written = settings.find();
        EmailAddress to = salesAddress(program, written);
        if (to == null) {
            return new TeamMail.NotSent(TeamMail.Why.NOBODY_TO_TELL);
        }
        return new TeamMail.Sent(transactional.send(key(day), null, "lead-digest", to, () -> {
            Map<PartnerId, String> names = new HashMap<>();
            List<LeadDigestLetter.Line> lines = held.alerts().stream().map(lead -> new LeadDigestLetter.Line(
                    lead.leadId(), lead.name(), lead.email(), lead.company(),
                    names.computeIfAbsent(lead.partnerId(), id -> partners.find(id).map(Partner::name)
                            .orElse(id.value())), lead.createdAt())).toList();
            return new LeadDigestLetter(to, program.payouts().locale(), written.programNameOr(programId.value()),
                    day, lines, held.total(), written.notificationsPerDay());
        }));
    }

    /** The send key of the day's lead digest. */
    static String key(LocalDate day) {
        return "lead-digest#" + day;
    }

    /** Where sales hear of leads: the sales address, else the payout settings' manager (null: nobody). */
    static EmailAddress salesAddress(Program program, CommsSettings written) {
        return written.salesEmail() != null ? written.salesEmail() : program.payouts().managerEmail();
    }

    static Program program(ProgramRepository programs, ProgramId programId) {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

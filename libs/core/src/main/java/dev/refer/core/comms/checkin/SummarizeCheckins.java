package dev.refer.core.comms.checkin;

import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.TeamMail;
import dev.refer.core.mail.CheckinSummaryLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The program manager's month, once the check-ins are planned: how many partners were checked in, how many brought
 * revenue and how much, and the top partners (ties stated, and who agreed to be named). Sent once per month to the
 * payout settings' manager address.
 */
public final class SummarizeCheckins {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final MailingRuns runs;
    private final Leaderboard leaderboard;
    private final TopPartners top;
    private final CommsSettingsRepository settings;
    private final SendOnce mail;

    public SummarizeCheckins(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                             MailingRuns runs, Leaderboard leaderboard, TopPartners top,
                             CommsSettingsRepository settings, SendOnce mail) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.runs = runs;
        this.leaderboard = leaderboard;
        this.top = top;
        this.settings = settings;
        this.mail = mail;
    }

    public TeamMail run(YearMonth month) {
        Program program = programs.find(programId).orElse(null);
        MailingRuns.Run run = runs.find(Campaign.checkin(month)).orElse(null);
        if (program == null || run == null || !run.planningDone()) {
            return new TeamMail.NotSent(TeamMail.Why.NOT_READY);
        }
        if (program.payouts().managerEmail() == null) {
            return new TeamMail.NotSent(TeamMail.Why.NOBODY_TO_TELL);
        }
        CommsSettings material = settings.find();
        return new TeamMail.Sent(mail.send("checkin-summary#" + month, null, "checkin-summary",
                program.payouts().managerEmail(), () -> letter(program, material, month, run)));
    }

    private CheckinSummaryLetter letter(Program program, CommsSettings material, YearMonth month,
                                        MailingRuns.Run run) {
        Leaderboard.Totals totals = leaderboard.totals(month);
        TopPartners.Month best = top.of(month, material.topPartners());
        List<CheckinSummaryLetter.Top> lines = new ArrayList<>();
        for (Leaderboard.Ranked r : best.ranked()) {
            Partner partner = partners.find(r.partnerId()).orElse(null);
            if (partner == null) {
                continue;
            }
            lines.add(new CheckinSummaryLetter.Top(r.rank(), r.tied(), partner.name(), partner.email().value(),
                    new Money(r.revenueMinor(), program.currency()),
                    best.named().contains(TopPartners.publicName(partner))));
        }
        return new CheckinSummaryLetter(program.payouts().managerEmail(), program.payouts().locale(),
                material.programNameOr(programId.value()), month, run.planned(), totals.partners(),
                new Money(totals.revenueMinor(), program.currency()), lines);
    }
}

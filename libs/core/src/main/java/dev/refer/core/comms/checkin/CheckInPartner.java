package dev.refer.core.comms.checkin;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.mail.CheckinLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.payout.PayoutBook;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * One partner's monthly check-in: the month in numbers (clicks, leads by status, sales, revenue, commissions
 * earned, awaiting payout and paid), the next payout (or what is missing to the minimum), each link with its clicks,
 * the program manager's note; guidance instead of the plain summary when the partner is stuck; thanks to a top
 * partner; the shout-out of the top partners who agreed to be named. Sent once per partner and month.
 */
public final class CheckInPartner {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final StatsRepository stats;
    private final LinkRepository links;
    private final PayoutBook book;
    private final TopPartners top;
    private final CommsSettingsRepository settings;
    private final UnsubscribeLinks unsubscribe;
    private final Deliver deliver;
    private final ZoneId payoutZone;
    private final String linkBaseUrl;
    private final CheckinGuidance guidance = CheckinGuidance.DEFAULT;

    public CheckInPartner(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                          StatsRepository stats, LinkRepository links, PayoutBook book, TopPartners top,
                          CommsSettingsRepository settings, UnsubscribeLinks unsubscribe, Deliver deliver,
                          ZoneId payoutZone, String linkBaseUrl) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.stats = stats;
        this.links = links;
        this.book = book;
        this.top = top;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
        this.payoutZone = payoutZone;
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl : linkBaseUrl + "/";
    }

    /** The check-in of {@code month}; nothing for a partner that is gone or not active. */
    public Mailed run(YearMonth month, PartnerId partnerId) {
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_GONE);
        }
        if (!partner.isActive()) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_INACTIVE);
        }
        Campaign campaign = Campaign.checkin(month);
        return new Mailed.Delivered(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId, "checkin",
                partner.email(), Topic.CHECKIN, false, () -> letter(month, partner))));
    }

    /** The letter (public for previews and the rendered samples). */
    public CheckinLetter letter(YearMonth month, Partner partner) {
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalStateException("the program is not configured"));
        CommsSettings written = settings.find();
        Currency currency = program.currency();
        YearMonth since = YearMonth.from(partner.createdAt().atZone(payoutZone));
        PartnerStats numbers = stats.partnerStats(partner.id(), since.isAfter(month) ? month : since, month);
        Map<String, Long> m = numbers.month();
        CheckinLetter.Numbers figures = new CheckinLetter.Numbers(
                m.getOrDefault(Counters.CLICKS, 0L), m.getOrDefault(Counters.LEADS, 0L),
                m.getOrDefault(Counters.LEADS_QUALIFIED, 0L), m.getOrDefault(Counters.LEADS_REJECTED, 0L),
                m.getOrDefault(Counters.LEADS_CONVERTED, 0L),
                m.getOrDefault(Counters.SALES, 0L) + m.getOrDefault(Counters.RENEWALS, 0L),
                new Money(m.getOrDefault(Counters.revenue(currency), 0L), currency),
                new Money(m.getOrDefault(Counters.commissionEarned(currency), 0L), currency),
                new Money(numbers.allTime(Counters.commissionStatus(CommissionStatus.PENDING, currency))
                        + numbers.allTime(Counters.commissionStatus(CommissionStatus.APPROVED, currency)), currency),
                new Money(numbers.allTime(Counters.commissionStatus(CommissionStatus.PAID, currency)), currency));
        Instant monthEnd = PayoutCalendar.cutoff(month, payoutZone);
        CheckinLetter.Variant variant = guidance.variant(partner, monthEnd, figures);
        TopPartners.Month best = top.of(month, written.topPartners());
        CheckinLetter.Thanks thanks = best.ranked().stream()
                .filter(r -> r.partnerId().equals(partner.id())).findFirst()
                .map(r -> new CheckinLetter.Thanks(r.rank(), (int) best.ranked().stream()
                        .filter(o -> o.rank() == r.rank()).count() - 1))
                .orElse(null);
        return new CheckinLetter(partner.email(), program.payouts().locale(),
                written.programNameOr(programId.value()), partner.name(), month, variant, figures,
                linkLines(partner, month), nextPayout(program, partner, month), written.material(),
                written.noteFor(month),
                thanks, best.named(), unsubscribe.url(partner.id(), Topic.CHECKIN));
    }

    private List<CheckinLetter.LinkLine> linkLines(Partner partner, YearMonth month) {
        Map<String, Long> clicks = stats.linkClicks(partner.id(), month);
        List<CheckinLetter.LinkLine> lines = new ArrayList<>();
        for (Link link : links.linksOf(partner.id(), new PageRequest(PageRequest.MAX_LIMIT, null)).items()) {
            if (link.enabled()) {
                String code = link.code().value();
                lines.add(new CheckinLetter.LinkLine(code, linkBaseUrl + code, clicks.getOrDefault(code, 0L)));
            }
        }
        lines.sort((a, b) -> Long.compare(b.clicks(), a.clicks()));
        return lines;
    }

    /** The run after this check-in pays what is due by the end of the month that is running now. */
    private CheckinLetter.NextPayout nextPayout(Program program, Partner partner, YearMonth month) {
        Currency currency = program.currency();
        YearMonth next = PayoutCalendar.nextPayoutAfter(month);
        Instant cutoff = PayoutCalendar.cutoff(next, payoutZone);
        long due = 0;
        for (Commission entry : book.dueEntries(partner.id(), cutoff)) {
            if (entry.amount().currency().equals(currency)) {
                due += entry.amount().minor();
            }
        }
        Money amount = new Money(Math.max(0, due), currency);
        Money minimum = new Money(program.payouts().minimumFor(currency), currency);
        Money missing = new Money(Math.max(0, minimum.minor() - Math.max(0, due)), currency);
        if (due <= 0 && minimum.minor() == 0) {
            missing = new Money(0, currency);
        }
        return new CheckinLetter.NextPayout(PayoutCalendar.payday(next), amount, minimum, missing);
    }
}

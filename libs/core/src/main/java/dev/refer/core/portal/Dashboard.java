package dev.refer.core.portal;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.core.stats.Counters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A partner's dashboard: this month's and the all-time funnel (clicks, leads, qualified, customers, revenue,
 * commissions), clicks per link and per campaign, and the next payout. Drawn from the counter items, one program
 * read and the partner's first page of links (bounded by the link limit): the same handful of requests for a partner
 * with a million clicks as for a new one.
 */
public final class Dashboard {

    /** Leads, qualified leads and customers counted; revenue and commissions per currency (net of refunds). */
    public record Funnel(long clicks, long leads, long qualified, long customers, List<Money> revenue,
                         List<Money> commissions) {
        public Funnel {
            revenue = List.copyOf(revenue);
            commissions = List.copyOf(commissions);
        }
    }

    public record LinkRow(Link link, long clicksThisMonth, long clicksAllTime) {
    }

    /** Links without a campaign are grouped under a null campaign. */
    public record CampaignRow(String campaign, int links, long clicksThisMonth, long clicksAllTime) {
    }

    /**
     * One currency's balance on its way to the next payout run.
     *
     * @param unpaid  every entry not yet paid: approved, and pending in the holding period (reversals netted)
     * @param pending the part still in its holding period today; entries whose period ends after the run's cutoff
     *                wait for the following run
     * @param minimum the program's smallest payout in the currency (zero: none)
     * @param missing how much more the balance needs to reach the minimum; zero when it does
     */
    public record Balance(Money unpaid, Money pending, Money minimum, Money missing) {
        public boolean reachesMinimum() {
            return missing.minor() == 0 && unpaid.isPositive();
        }
    }

    /** The next scheduled run: its day in the program's calendar, the cutoff it pays up to, the balances. */
    public record NextPayout(LocalDate runOn, Instant cutoff, int holdingPeriodDays, List<Balance> balances) {
        public NextPayout {
            balances = List.copyOf(balances);
        }
    }

    public record View(YearMonth month, Funnel thisMonth, Funnel allTime, List<LinkRow> links,
                       List<CampaignRow> campaigns, NextPayout nextPayout) {
        public View {
            links = List.copyOf(links);
            campaigns = List.copyOf(campaigns);
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final LinkRepository links;
    private final DashboardCounters counters;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the program's time zone (PayoutTimeZone): the calendar of the counters' months and of payouts */
    public Dashboard(ProgramId programId, ProgramRepository programs, LinkRepository links,
                     DashboardCounters counters, Clock clock, ZoneId zone) {
        this.programId = programId;
        this.programs = programs;
        this.links = links;
        this.counters = counters;
        this.clock = clock;
        this.zone = zone;
    }

    public View of(PartnerId partnerId) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(zone));
        DashboardCounters.Snapshot snapshot = counters.read(partnerId, month);
        Optional<Program> program = programs.find(programId);
        List<Link> partnerLinks = links.linksOf(partnerId, PageRequest.first(PageRequest.MAX_LIMIT)).items();

        List<LinkRow> rows = partnerLinks.stream().map(link -> new LinkRow(link,
                snapshot.linkClicksMonth().getOrDefault(link.code().value(), 0L),
                snapshot.linkClicks().getOrDefault(link.code().value(), 0L))).toList();
        Map<String, long[]> byCampaign = new TreeMap<>();
        List<CampaignRow> campaigns = new ArrayList<>();
        long[] untagged = new long[3];
        for (LinkRow row : rows) {
            long[] sums = row.link().campaign() == null ? untagged
                    : byCampaign.computeIfAbsent(row.link().campaign(), c -> new long[3]);
            sums[0]++;
            sums[1] += row.clicksThisMonth();
            sums[2] += row.clicksAllTime();
        }
        byCampaign.forEach((campaign, sums) -> campaigns.add(new CampaignRow(campaign, (int) sums[0], sums[1],
                sums[2])));
        if (untagged[0] > 0) {
            campaigns.add(new CampaignRow(null, (int) untagged[0], untagged[1], untagged[2]));
        }
        return new View(month, funnel(snapshot.month()), funnel(snapshot.allTime()), rows, campaigns,
                nextPayout(snapshot.allTime(), program, month));
    }

    static Funnel funnel(Map<String, Long> counters) {
        return new Funnel(get(counters, Counters.CLICKS), get(counters, Counters.LEADS),
                get(counters, Counters.LEADS_QUALIFIED), get(counters, Counters.SALES),
                money(counters, "revenue."), money(counters, "commissionEarned."));
    }

    private NextPayout nextPayout(Map<String, Long> allTime, Optional<Program> program, YearMonth month) {
        TreeSet<String> currencies = new TreeSet<>();
        for (String name : allTime.keySet()) {
            for (CommissionStatus status : List.of(CommissionStatus.PENDING, CommissionStatus.APPROVED)) {
                String prefix = "commissionStatus." + status.name() + ".";
                if (name.startsWith(prefix)) {
                    currencies.add(name.substring(prefix.length()));
                }
            }
        }
        program.ifPresent(p -> currencies.add(p.currency().getCurrencyCode()));
        List<Balance> balances = new ArrayList<>();
        for (String code : currencies) {
            Currency currency;
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                continue; // not a counter of ours
            }
            long pending = get(allTime, Counters.commissionStatus(CommissionStatus.PENDING, currency));
            long approved = get(allTime, Counters.commissionStatus(CommissionStatus.APPROVED, currency));
            long unpaid = pending + approved;
            long minimum = program.map(p -> p.payouts().minimumFor(currency)).orElse(0L);
            // a run pays a balance of at least the minimum and at least one minor unit (PayPartner)
            long missing = Math.max(0, Math.max(minimum, 1) - unpaid);
            balances.add(new Balance(new Money(unpaid, currency), new Money(pending, currency),
                    new Money(minimum, currency), new Money(missing, currency)));
        }
        return new NextPayout(PayoutCalendar.payday(month), PayoutCalendar.cutoff(month, zone),
                program.map(Program::holdingPeriodDays).orElse(0), balances);
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** The money counters named {@code prefix + currency code}, in currency order; zero amounts left out. */
    private static List<Money> money(Map<String, Long> counters, String prefix) {
        List<Money> amounts = new ArrayList<>();
        new TreeMap<>(counters).forEach((name, value) -> {
            if (name.startsWith(prefix) && value != 0) {
                try {
                    amounts.add(new Money(value, Currency.getInstance(name.substring(prefix.length()))));
                } catch (IllegalArgumentException e) {
                    // a counter name that is not prefix + currency code: not money
                }
            }
        });
        return amounts;
    }
}

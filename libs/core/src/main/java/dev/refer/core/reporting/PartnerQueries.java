package dev.refer.core.reporting;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadRepository;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsRepository;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What the program manager (and later the partner portal) reads about partners: each read is one GetItem or one
 * Query page, newest first. A read across features (partners, links, leads, orders, ledger, stats), so it sits
 * apart from each of them and none depends on another through it. Listing a partner that does not exist is empty, not an error: callers check with
 * {@link #partner(PartnerId)} when they must tell the two apart.
 */
public final class PartnerQueries {

    private final PartnerRepository partners;
    private final LinkRepository links;
    private final LeadRepository leads;
    private final OrderBook orders;
    private final CommissionLedger ledger;
    private final StatsRepository stats;
    private final java.time.ZoneId zone;
    private final java.time.Clock clock;

    /** @param zone the program's time zone (PayoutTimeZone): the calendar of the counters' months */
    public PartnerQueries(PartnerRepository partners, LinkRepository links, LeadRepository leads, OrderBook orders,
                          CommissionLedger ledger, StatsRepository stats, java.time.ZoneId zone) {
        this(partners, links, leads, orders, ledger, stats, zone, java.time.Clock.systemUTC());
    }

    /** @param clock tells which month is the current one (reports that default to it) */
    public PartnerQueries(PartnerRepository partners, LinkRepository links, LeadRepository leads, OrderBook orders,
                          CommissionLedger ledger, StatsRepository stats, java.time.ZoneId zone,
                          java.time.Clock clock) {
        this.clock = clock;
        this.partners = partners;
        this.links = links;
        this.leads = leads;
        this.orders = orders;
        this.ledger = ledger;
        this.stats = stats;
        this.zone = zone;
    }

    public Optional<Partner> partner(PartnerId id) {
        return partners.find(id);
    }

    public Page<Partner> partners(PageRequest page) {
        return partners.list(page);
    }

    public Page<Link> links(PartnerId id, PageRequest page) {
        return links.linksOf(id, page);
    }

    public Optional<Link> link(LinkCode code) {
        return links.find(code);
    }

    public Optional<Lead> lead(LeadId id) {
        return leads.find(id);
    }

    public Page<Lead> leads(PartnerId id, PageRequest page) {
        return leads.leadsOf(id, page);
    }

    public Page<Conversion> conversions(PartnerId id, PageRequest page) {
        return orders.conversionsOf(id, page);
    }

    public Page<Commission> commissions(PartnerId id, PageRequest page) {
        return ledger.commissionsOf(id, page);
    }

    /** All-time counters since the partner joined, plus {@code month}'s when given. */
    public PartnerStats stats(Partner partner, YearMonth month) {
        return stats.partnerStats(partner.id(), YearMonth.from(partner.createdAt().atZone(zone)),
                month);
    }

    /**
     * The partner's funnel per sub-id value in {@code month}, read from the counters the stream keeps: one Query of
     * the partner's month, whatever its clicks.
     */
    public java.util.List<StatsRepository.SubIdRow> subIdFunnel(PartnerId partnerId, YearMonth month) {
        return stats.subIdFunnel(partnerId, month);
    }

    /** The month now in the program's calendar: what a report defaults to. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }
}

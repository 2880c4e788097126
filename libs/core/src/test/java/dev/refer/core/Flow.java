package dev.refer.core;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.conversion.RecordRefund;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryDeals;
import dev.refer.core.fakes.InMemoryPromotionCodes;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.RegisterDeal;
import dev.refer.core.deal.ReviewDeal;
import dev.refer.core.lead.CaptureLead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.FollowLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.PartnerStats;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The use cases wired on in-memory fakes, with helpers that read like the flow they drive. */
public final class Flow {

    public final TestClock clock = new TestClock(Fixtures.NOW);
    public final InMemoryStore store = new InMemoryStore();
    public final SequenceIds ids = new SequenceIds();
    public final InMemoryDeals deals = new InMemoryDeals();
    public final InMemoryPromotionCodes promotionCodes = new InMemoryPromotionCodes();
    public final AttributionPolicy attribution = new AttributionPolicy(store, store, deals, promotionCodes);
    public final CommissionPolicy commissions = new CommissionPolicy();
    public final FollowLink followLink = new FollowLink(store, store, ids, clock, Duration.ofDays(90));
    public final CaptureLead captureLead = new CaptureLead(Fixtures.PROGRAM, store, store, attribution, store, ids,
            clock, Duration.ofDays(90));
    public final ReviewLead reviewLead = new ReviewLead(Fixtures.PROGRAM, store, store, store, store, commissions,
            ids, clock);
    public final RecordSale recordSale = new RecordSale(Fixtures.PROGRAM, store, store, store, store,
            attribution, commissions, ids, clock);
    public final RecordRefund recordRefund = new RecordRefund(Fixtures.PROGRAM, store, store, store, commissions,
            ids, clock);

    public final RegisterDeal registerDeal = new RegisterDeal(deals, deals, store, ids, clock);
    public final ReviewDeal reviewDeal = new ReviewDeal(deals, deals, clock);

    public static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1";

    public Flow() {
        store.save(Fixtures.program());
        store.deals = deals; // a sale's evidence reads the registration of the buyer's domain with the rest
    }

    public Partner partner(String email) {
        Partner partner = Fixtures.activePartner(ids.newId(), email);
        store.create(partner);
        return partner;
    }

    public Link link(Partner partner, String code) {
        Link link = new Link(new LinkCode(code), partner.id(), URI.create("https://example.com/pricing"), "news",
                true, partner.isActive(), clock.instant());
        store.create(link);
        return link;
    }

    public ClickId click(String code) {
        FollowLink.Result result = followLink.follow(new FollowLink.Command(code, BROWSER, Map.of()));
        return ((FollowLink.Result.Redirect) result).clickId();
    }

    public LeadId lead(String email, String rid, String ref) {
        CaptureLead.Result result = captureLead.capture(new CaptureLead.Command(new EmailAddress(email), "Ada",
                "Acme", null, null, rid, ref, null, null, null));
        return ((CaptureLead.Result.Accepted) result).leadId();
    }

    /** A sale now, with the customer's email and external id (either may be null). */
    public ConversionResult sale(String eventId, String orderId, long minor, String email, String externalId) {
        return event(eventId, ConversionKind.SALE, orderId, minor, email, externalId, null, null, clock.instant());
    }

    /** A sale, renewal or refund now, of a known order or customer. */
    public ConversionResult event(String eventId, ConversionKind kind, String orderId, long minor,
                                  String externalId) {
        return event(eventId, kind, orderId, minor, null, externalId, null, null, clock.instant());
    }

    /** Any billing event, as the webhook would build it. */
    public ConversionResult event(String eventId, ConversionKind kind, String orderId, long minor, String email,
                                  String externalId, String rid, String ref, Instant occurredAt) {
        ConversionCommand command = new ConversionCommand(eventId, kind, orderId, Money.of(minor, "EUR"), externalId,
                email == null ? null : new EmailAddress(email), occurredAt, rid, ref);
        return kind == ConversionKind.REFUND ? recordRefund.record(command) : recordSale.record(command);
    }

    /** A registration of {@code domain} by {@code partner}, now (pending). */
    public Deal registerDeal(Partner partner, String domain) {
        RegisterDeal.Result result = registerDeal.register(new RegisterDeal.Command(partner.id(), "Company " + domain,
                domain, "Ada", null, null));
        return ((RegisterDeal.Result.Registered) result).deal();
    }

    /** A registration of {@code domain} by {@code partner}, approved now. */
    public Deal approvedDeal(Partner partner, String domain) {
        Deal deal = registerDeal(partner, domain);
        return ((ReviewDeal.Result.Approved) reviewDeal.approve(deal.id())).deal();
    }

    /** The partner's counters once the stream projection has caught up. */
    public PartnerStats stats(Partner partner) {
        store.projectStream();
        return store.partnerStats(partner.id(), null, null);
    }
}

package dev.refer.core;

import dev.refer.core.attribution.Attributor;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.RecordConversion;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.lead.CaptureLead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.FollowLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.Partner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The use cases wired on in-memory fakes, with helpers that read like the flow they drive. */
public final class Flow {

    public final TestClock clock = new TestClock(Fixtures.NOW);
    public final InMemoryStore store = new InMemoryStore();
    public final SequenceIds ids = new SequenceIds();
    public final Attributor attributor = new Attributor(store, store);
    public final FollowLink followLink = new FollowLink(store, store, ids, clock, Duration.ofDays(90));
    public final CaptureLead captureLead = new CaptureLead(Fixtures.PROGRAM, store, attributor, store, ids, clock);
    public final ReviewLead reviewLead = new ReviewLead(Fixtures.PROGRAM, store, store, store, ids, clock);
    public final RecordConversion recordConversion = new RecordConversion(Fixtures.PROGRAM, store, store, store,
            attributor, store, ids, clock);

    public static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1";

    public Flow() {
        store.save(Fixtures.program());
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

    public RecordConversion.Result sale(String eventId, String orderId, long minor, String email, String externalId) {
        return recordConversion.record(new RecordConversion.Command(eventId, ConversionKind.SALE, orderId,
                Money.of(minor, "EUR"), externalId, email == null ? null : new EmailAddress(email), clock.instant(),
                null, null));
    }

    public RecordConversion.Result event(String eventId, ConversionKind kind, String orderId, long minor,
                                         String externalId) {
        return recordConversion.record(new RecordConversion.Command(eventId, kind, orderId, Money.of(minor, "EUR"),
                externalId, null, clock.instant(), null, null));
    }
}

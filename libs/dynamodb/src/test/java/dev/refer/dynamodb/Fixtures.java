package dev.refer.dynamodb;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.ConversionId;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Domain values for adapter tests. Time ticks one millisecond per read, so ids made one after the other sort in
 * creation order, as ULIDs do in production.
 */
public final class Fixtures {

    static final Instant START = Instant.parse("2026-05-04T10:00:00Z");

    private final TickingClock clock = new TickingClock(START);
    private final UlidGenerator ids = new UlidGenerator(clock);

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public String newId() {
        return ids.newId();
    }

    public PartnerId partnerId() {
        return new PartnerId(newId());
    }

    public Partner partner(String email) {
        return new Partner(partnerId(), "Ada Partner", new EmailAddress(email), "Ada & Co", PartnerStatus.ACTIVE,
                null, now());
    }

    public Partner partnerWithPlan(String email) {
        return new Partner(partnerId(), "Plan Partner", new EmailAddress(email), null, PartnerStatus.PENDING,
                new CommissionPlan(new Reward.Flat(Money.of(5_000, "EUR")), new Reward.Percent(1_250),
                        Money.of(2_500, "EUR")), now());
    }

    public Link link(PartnerId partnerId, String code) {
        return new Link(new LinkCode(code), partnerId, URI.create("https://www.example.com/pricing?x=1"), "newsletter",
                true, true, now());
    }

    public Lead lead(String email, PartnerId partnerId) {
        Instant at = now();
        Attribution attribution = partnerId == null ? null
                : new Attribution(partnerId, Attribution.Path.CODE, new LinkCode("ada-news"), null, "newsletter");
        return new Lead(new LeadId(newId()), new EmailAddress(email), "Grace", "Hopper Inc", "+49 30 1234",
                "Call me", LeadStatus.NEW, attribution, null, at, at, null,
                partnerId == null ? at.plus(Duration.ofDays(90)) : null);
    }

    public Commission commission(PartnerId partnerId, CommissionKind kind, long minor, String source, String orderId) {
        Instant at = now();
        return new Commission(new CommissionId(newId()), partnerId, kind, CommissionStatus.PENDING,
                Money.of(minor, "EUR"), "20% of the amount", source, orderId, null, at, at.plus(Duration.ofDays(30)));
    }

    public Conversion conversion(String eventId, ConversionKind kind, String orderId, long minor, PartnerId partnerId,
                          CommissionId commissionId) {
        Instant at = now();
        Attribution attribution = partnerId == null ? null
                : new Attribution(partnerId, Attribution.Path.LEAD, null, null, null);
        return new Conversion(new ConversionId(newId()), eventId, kind, orderId, Money.of(minor, "EUR"), "cus_1",
                at.minusSeconds(60), at, attribution, commissionId);
    }

    /** A clock that moves one millisecond each time it is read. */
    static final class TickingClock extends Clock {
        private Instant current;

        TickingClock(Instant start) {
            this.current = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = current;
            current = current.plusMillis(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

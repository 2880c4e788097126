package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordSaleTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    private LeadId referredLead() {
        flow.link(anna, "anna-news");
        return flow.lead("ada@acme.example", flow.click("anna-news").value(), null);
    }

    @Test
    void sale_whenEmailMatchesAReferredLead_paysThePlanAndConvertsTheLead() {
        LeadId lead = referredLead();
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class,
                flow.sale("evt_1", "order-1", 12_345, "ADA@acme.example", "cus_1"));
        Commission commission = recorded.entries().getFirst();
        assertEquals(2469, commission.amount().minor(), "20 % of 123.45 EUR = 24.69");
        assertEquals(CommissionKind.SALE, commission.kind());
        assertEquals(CommissionStatus.PENDING, commission.status());
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status());
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
        var stats = flow.stats(anna);
        assertEquals(1, stats.allTime(Counters.SALES));
        assertEquals(12_345, stats.allTime(Counters.revenue(EUR)));
        assertEquals(2469, stats.allTime(Counters.commissionStatus(CommissionStatus.PENDING, EUR)));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.CONVERTED)));
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.NEW)));
        assertEquals(1, stats.allTime(Counters.CLICKS));
    }

    @Test
    void renewal_whenCustomerIsKnown_goesToTheSamePartnerWithoutEmail() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        ConversionResult.Recorded renewal = assertInstanceOf(ConversionResult.Recorded.class,
                flow.event("evt_2", ConversionKind.RENEWAL, "invoice-2", 10_000, "cus_1"));
        assertEquals(CommissionKind.RENEWAL, renewal.entries().getFirst().kind());
        assertEquals(2000, renewal.entries().getFirst().amount().minor());
        assertEquals(1, flow.stats(anna).allTime(Counters.RENEWALS));
    }

    /** A billing system retrying for longer than the program accepts events: still a duplicate, not an error. */
    @Test
    void sale_redeliveredAfterItsEventBecameTooOld_isStillADuplicate() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        Instant occurredAt = flow.clock.instant();
        flow.clock.advance(Duration.ofDays(60));

        assertInstanceOf(ConversionResult.AlreadyRecorded.class, flow.event("evt_1", ConversionKind.SALE, "order-1",
                10_000, "ada@acme.example", "cus_1", null, null, occurredAt));
        assertThrows(dev.refer.core.basics.validation.Invalid.class, () -> flow.event("evt_2", ConversionKind.SALE,
                "order-2", 10_000, "ada@acme.example", "cus_1", null, null, occurredAt), "a new event that old is refused");
    }

    @Test
    void sale_whenRedelivered_isRecordedOnce() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        assertInstanceOf(ConversionResult.AlreadyRecorded.class,
                flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1"));
        assertEquals(1, flow.store.conversionsByEvent.size());
        assertEquals(1, flow.store.commissions.size());
        assertEquals(1, flow.stats(anna).allTime(Counters.SALES));
    }

    @Test
    void sale_whenOrderAlreadySoldUnderAnotherEvent_isRefused() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        assertInstanceOf(ConversionResult.OrderAlreadyRecorded.class,
                flow.sale("evt_other", "order-1", 10_000, "ada@acme.example", "cus_1"));
        assertEquals(1, flow.store.commissions.size());
    }

    @Test
    void sale_whenPartnerHasAFlatOverride_paysTheOverride() {
        Partner bob = new Partner(new PartnerId(flow.ids.newId()), "Bob", new EmailAddress("bob@partner.example"),
                null, PartnerStatus.ACTIVE, new CommissionPlan(new Reward.Flat(Money.of(5_000, "EUR")), null, null),
                flow.clock.instant());
        flow.store.create(bob);
        flow.link(bob, "bob-link");
        flow.lead("carl@corp.example", null, "bob-link");
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class,
                flow.sale("evt_1", "order-1", 99_900, "carl@corp.example", null));
        assertEquals(5_000, recorded.entries().getFirst().amount().minor());
        assertEquals("sale of 999.00 EUR: flat 50.00 EUR", recorded.entries().getFirst().rule());
    }

    @Test
    void sale_whenDeliveredEightTimesConcurrently_isRecordedOnce() throws Exception {
        referredLead();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ConversionResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1")));
        }
        int recorded = 0;
        for (Future<ConversionResult> result : results) {
            if (result.get() instanceof ConversionResult.Recorded) {
                recorded++;
            } else {
                assertInstanceOf(ConversionResult.AlreadyRecorded.class, result.get());
            }
        }
        pool.shutdown();
        assertEquals(1, recorded);
        assertEquals(1, flow.store.commissions.size());
    }

    // currency: the program's only

    @Test
    void sale_inAnotherCurrencyThanTheProgramsOwn_isRefusedAndStoresNothing() {
        referredLead();
        ConversionResult.Refused refused = assertInstanceOf(ConversionResult.Refused.class,
                flow.recordSale.record(new ConversionCommand("evt_1", ConversionKind.SALE, "order-1",
                        Money.of(10_000, "USD"), "cus_1", new EmailAddress("ada@acme.example"), flow.clock.instant(),
                        null, null)));
        assertEquals("currency", refused.field());
        assertTrue(refused.rule().contains("EUR"), refused.rule());
        assertTrue(flow.store.conversionsByEvent.isEmpty());
        assertTrue(flow.store.orders.isEmpty());
    }

    // event time: the event's own, within bounds

    @Test
    void sale_isDatedByItsOwnTime_soALateDeliveryLandsInItsMonth() {
        referredLead(); // 2026-11-23
        Instant endOfNovember = Instant.parse("2026-11-30T23:30:00Z");
        flow.clock.advance(Duration.ofDays(8)); // delivered on 1 December
        flow.event("evt_1", ConversionKind.SALE, "order-1", 10_000, "ada@acme.example", "cus_1", null, null,
                endOfNovember);
        flow.store.projectStream();
        var november = flow.store.partnerStats(anna.id(), null, YearMonth.of(2026, 11));
        var december = flow.store.partnerStats(anna.id(), null, YearMonth.of(2026, 12));
        assertEquals(1, november.month().get(Counters.SALES));
        assertEquals(null, december.month().get(Counters.SALES));
    }

    @Test
    void sale_fromTheFutureBeyondClockSkew_isInvalid() {
        Instant future = flow.clock.instant().plus(Duration.ofMinutes(6));
        Invalid invalid = assertThrows(Invalid.class, () -> flow.event("evt_1", ConversionKind.SALE, "order-1",
                10_000, null, "cus_1", null, null, future));
        assertEquals("occurredAt", invalid.violations().getFirst().field());
        assertTrue(flow.store.conversionsByEvent.isEmpty());
        flow.event("evt_1", ConversionKind.SALE, "order-1", 10_000, null, "cus_1", null, null,
                flow.clock.instant().plus(Duration.ofMinutes(4)));
        assertEquals(1, flow.store.conversionsByEvent.size(), "within clock skew is fine");
    }

    @Test
    void sale_olderThanTheProgramsLimit_isInvalid() {
        Instant old = flow.clock.instant().minus(Duration.ofDays(36));
        Invalid invalid = assertThrows(Invalid.class, () -> flow.event("evt_1", ConversionKind.SALE, "order-1",
                10_000, null, "cus_1", null, null, old));
        assertEquals("occurredAt", invalid.violations().getFirst().field());
        assertTrue(invalid.violations().getFirst().rule().contains("35 days"));
        assertTrue(flow.store.conversionsByEvent.isEmpty());
    }
}

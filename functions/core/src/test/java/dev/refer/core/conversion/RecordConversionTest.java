package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionKind;
import dev.refer.core.commission.CommissionStatus;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.money.Money;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecordConversionTest {

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
        RecordConversion.Result.Recorded recorded = assertInstanceOf(RecordConversion.Result.Recorded.class,
                flow.sale("evt_1", "order-1", 12_345, "ADA@acme.example", "cus_1"));
        Commission commission = recorded.commission();
        assertEquals(2469, commission.amount().minor(), "20 % of 123.45 EUR = 24.69");
        assertEquals(CommissionKind.SALE, commission.kind());
        assertEquals(CommissionStatus.PENDING, commission.status());
        assertEquals(Attribution.Path.LEAD, recorded.conversion().attribution().path());
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status());
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
        var stats = flow.store.partnerStats(anna.id(), null);
        assertEquals(1, stats.allTime(Counters.SALES));
        assertEquals(12_345, stats.allTime(Counters.revenue(EUR)));
        assertEquals(2469, stats.allTime(Counters.commissionStatus(CommissionStatus.PENDING, EUR)));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.CONVERTED)));
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.NEW)));
    }

    @Test
    void renewal_whenCustomerIsKnown_goesToTheSamePartnerWithoutEmail() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        RecordConversion.Result.Recorded renewal = assertInstanceOf(RecordConversion.Result.Recorded.class,
                flow.event("evt_2", ConversionKind.RENEWAL, "invoice-2", 10_000, "cus_1"));
        assertEquals(Attribution.Path.CUSTOMER, renewal.conversion().attribution().path());
        assertEquals(CommissionKind.RENEWAL, renewal.commission().kind());
        assertEquals(2000, renewal.commission().amount().minor());
    }

    @Test
    void sale_whenRedelivered_isRecordedOnce() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        assertInstanceOf(RecordConversion.Result.AlreadyRecorded.class,
                flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1"));
        assertEquals(1, flow.store.conversionsByEvent.size());
        assertEquals(1, flow.store.commissions.size());
    }

    @Test
    void refund_whenAFullRefundIsRedelivered_isADuplicateNotARejection() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        assertInstanceOf(RecordConversion.Result.Recorded.class,
                flow.event("evt_r1", ConversionKind.REFUND, "order-1", 10_000, "cus_1"));
        assertInstanceOf(RecordConversion.Result.AlreadyRecorded.class,
                flow.event("evt_r1", ConversionKind.REFUND, "order-1", 10_000, "cus_1"));
        assertEquals(2, flow.store.commissions.size());
    }

    @Test
    void sale_whenOrderAlreadySoldUnderAnotherEvent_isRefused() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        assertInstanceOf(RecordConversion.Result.OrderAlreadyRecorded.class,
                flow.sale("evt_other", "order-1", 10_000, "ada@acme.example", "cus_1"));
        assertEquals(1, flow.store.commissions.size());
    }

    @Test
    void sale_whenNothingMatches_isStoredUnattributedAndEarnsNothing() {
        RecordConversion.Result.Recorded recorded = assertInstanceOf(RecordConversion.Result.Recorded.class,
                flow.sale("evt_1", "order-1", 10_000, "stranger@else.example", "cus_9"));
        assertNull(recorded.conversion().attribution());
        assertNull(recorded.commission());
        assertEquals(0, flow.store.commissions.size());
    }

    @Test
    void refunds_whenPartial_reverseProRataAndAddUpToTheWholeCommission() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1"); // commission 20.00
        Commission first = ((RecordConversion.Result.Recorded) flow.event("evt_r1", ConversionKind.REFUND, "order-1", 3_333, "cus_1")).commission();
        Commission second = ((RecordConversion.Result.Recorded) flow.event("evt_r2", ConversionKind.REFUND, "order-1", 3_333, "cus_1")).commission();
        Commission third = ((RecordConversion.Result.Recorded) flow.event("evt_r3", ConversionKind.REFUND, "order-1", 3_334, "cus_1")).commission();
        assertEquals(-667, first.amount().minor(), "20.00 x 33.33 % = 6.666 -> 6.67");
        assertEquals(-666, second.amount().minor(), "cumulative 13.332 -> 13.33, less 6.67");
        assertEquals(-667, third.amount().minor(), "the rest: exactly 20.00 in total");
        assertEquals(CommissionKind.REVERSAL, first.kind());
        assertEquals(flow.store.orders.get("order-1").commissionId(), first.reverses());
        var stats = flow.store.partnerStats(anna.id(), null);
        assertEquals(0, stats.allTime(Counters.commissionEarned(EUR)));
        assertEquals(0, stats.allTime(Counters.revenue(EUR)));
        assertEquals(3, stats.allTime(Counters.REFUNDS));
    }

    @Test
    void refund_whenMoreThanIsLeftOrInAnotherCurrency_isRejectedAndStoresNothing() {
        referredLead();
        flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1");
        flow.event("evt_r1", ConversionKind.REFUND, "order-1", 9_000, "cus_1");
        RecordConversion.Result.RefundRejected tooMuch = assertInstanceOf(RecordConversion.Result.RefundRejected.class,
                flow.event("evt_r2", ConversionKind.REFUND, "order-1", 1_001, "cus_1"));
        assertEquals("amount", tooMuch.field());
        RecordConversion.Result.RefundRejected currency = assertInstanceOf(RecordConversion.Result.RefundRejected.class,
                flow.recordConversion.record(new RecordConversion.Command("evt_r3", ConversionKind.REFUND, "order-1",
                        Money.of(100, "USD"), null, null, flow.clock.instant(), null, null)));
        assertEquals("currency", currency.field());
        assertEquals(2, flow.store.conversionsByEvent.size());
    }

    @Test
    void sale_whenPartnerHasAFlatOverride_paysTheOverride() {
        Partner bob = new Partner(new dev.refer.core.partner.PartnerId(flow.ids.newId()),
                "Bob", new dev.refer.core.partner.EmailAddress("bob@partner.example"), null,
                dev.refer.core.partner.PartnerStatus.ACTIVE,
                new CommissionPlan(new Reward.Flat(Money.of(5_000, "EUR")), null, null), flow.clock.instant());
        flow.store.create(bob);
        flow.link(bob, "bob-link");
        flow.lead("carl@corp.example", null, "bob-link");
        RecordConversion.Result.Recorded recorded = assertInstanceOf(RecordConversion.Result.Recorded.class,
                flow.sale("evt_1", "order-1", 99_900, "carl@corp.example", null));
        assertEquals(5_000, recorded.commission().amount().minor());
        assertEquals("sale of 999.00 EUR: flat 50.00 EUR", recorded.commission().rule());
    }

    @Test
    void sale_whenDeliveredEightTimesConcurrently_isRecordedOnce() throws Exception {
        referredLead();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RecordConversion.Result>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> flow.sale("evt_1", "order-1", 10_000, "ada@acme.example", "cus_1")));
        }
        int recorded = 0;
        for (Future<RecordConversion.Result> result : results) {
            if (result.get() instanceof RecordConversion.Result.Recorded) {
                recorded++;
            } else {
                assertInstanceOf(RecordConversion.Result.AlreadyRecorded.class, result.get());
            }
        }
        pool.shutdown();
        assertEquals(1, recorded);
        assertEquals(1, flow.store.commissions.size());
    }
}

package dev.refer.dynamodb;

import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionId;
import dev.refer.core.commission.CommissionKind;
import dev.refer.core.commission.CommissionStatus;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Order;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.money.Money;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LedgerRepository.ConversionRecord;
import dev.refer.core.ports.LedgerRepository.LeadConversion;
import dev.refer.core.ports.LedgerRepository.OrderRefund;
import dev.refer.core.ports.LedgerRepository.Outcome;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.validation.Invalid;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbLedgerRepositoryTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbLedgerRepository ledger = new DynamoDbLedgerRepository(table.client(), table.config());
    private final DynamoDbLeadRepository leads = new DynamoDbLeadRepository(table.client(), table.config());
    private final DynamoDbStatsRepository stats = new DynamoDbStatsRepository(table.client(), table.config());
    private final PartnerId partner = fixtures.partnerId();

    @Test
    void record_whenFirstSale_writesConversionCustomerLeadOrderCommissionAndCounters() {
        Lead lead = storedLead();
        ConversionRecord sale = sale("evt_1", "ord_1", lead);

        assertEquals(Outcome.RECORDED, ledger.record(sale));

        assertEquals(sale.conversion(), ledger.findByEvent("evt_1").orElseThrow());
        assertEquals(sale.newCustomer(), ledger.findCustomer("cus_1").orElseThrow());
        assertEquals(sale.newOrder(), ledger.findOrder("ord_1").orElseThrow());
        assertEquals(LeadStatus.CONVERTED, leads.find(lead.id()).orElseThrow().status());
        assertEquals(List.of(sale.commission()), ledger.commissionsOf(partner, PageRequest.first(5)).items());
        var counters = stats.partnerStats(partner, MAY);
        assertEquals(1L, counters.allTime(Counters.SALES));
        assertEquals(10_000L, counters.allTime("revenue.EUR"));
        assertEquals(2_000L, counters.allTime("commissionStatus.PENDING.EUR"));
        assertEquals(1L, counters.allTime("leadStatus.CONVERTED"));
        assertEquals(0L, counters.allTime("leadStatus.NEW"));
        assertEquals(Map.of(Counters.LEADS, 1L, Counters.SALES, 1L, "revenue.EUR", 10_000L,
                "commissionEarned.EUR", 2_000L, Counters.LEADS_CONVERTED, 1L), counters.month());
    }

    @Test
    void record_whenEventIdRecordedBefore_isDuplicateEventAndWritesNothing() {
        ConversionRecord sale = sale("evt_1", "ord_1", storedLead());
        ledger.record(sale);
        List<Map<String, AttributeValue>> before = table.items();

        // the same event, re-planned by a second delivery: new ids, same event id
        Outcome outcome = ledger.record(sale("evt_1", "ord_2", null));

        assertEquals(Outcome.DUPLICATE_EVENT, outcome);
        assertEquals(sorted(before), sorted(table.items()));
    }

    @Test
    void record_whenOrderIdRecordedByAnotherEvent_isOrderExistsAndWritesNothing() {
        ledger.record(sale("evt_1", "ord_1", null));
        List<Map<String, AttributeValue>> before = table.items();

        assertEquals(Outcome.ORDER_EXISTS, ledger.record(saleWithoutCustomer("evt_2", "ord_1")));

        assertEquals(sorted(before), sorted(table.items()));
        assertTrue(ledger.findByEvent("evt_2").isEmpty());
    }

    @Test
    void record_whenLeadChangedSinceItWasRead_isConflictAndWritesNothing() {
        Lead lead = storedLead();
        leads.review(lead.withStatus(LeadStatus.REJECTED, "no", fixtures.now()), LeadStatus.NEW, null, null);
        List<Map<String, AttributeValue>> before = table.items();

        assertEquals(Outcome.CONFLICT, ledger.record(sale("evt_1", "ord_1", lead)));

        assertEquals(sorted(before), sorted(table.items()));
    }

    @Test
    void record_whenCustomerAppearedMeanwhile_isConflict() {
        ledger.record(sale("evt_1", "ord_1", null));

        assertEquals(Outcome.CONFLICT, ledger.record(sale("evt_2", "ord_2", null)));

        assertTrue(ledger.findOrder("ord_2").isEmpty());
    }

    @Test
    void record_whenRefundTotalsAreCurrent_setsThemAndAppendsTheReversal() {
        ConversionRecord sale = sale("evt_1", "ord_1", null);
        ledger.record(sale);
        ConversionRecord refund = refund("evt_2", sale, 0, 0, 2_500, 500);

        assertEquals(Outcome.RECORDED, ledger.record(refund));

        Order order = ledger.findOrder("ord_1").orElseThrow();
        assertEquals(Money.of(2_500, "EUR"), order.refunded());
        assertEquals(Money.of(500, "EUR"), order.reversed());
        assertEquals(List.of(refund.commission(), sale.commission()),
                ledger.commissionsOf(partner, PageRequest.first(5)).items());
        assertEquals(1_500L, stats.partnerStats(partner, null).allTime("commissionStatus.PENDING.EUR"));
    }

    @Test
    void record_whenRefundTotalsAreStale_isConflictAndWritesNothing() {
        ConversionRecord sale = sale("evt_1", "ord_1", null);
        ledger.record(sale);
        ledger.record(refund("evt_2", sale, 0, 0, 2_500, 500));
        List<Map<String, AttributeValue>> before = table.items();

        // planned from the order as it was before evt_2
        assertEquals(Outcome.CONFLICT, ledger.record(refund("evt_3", sale, 0, 0, 5_000, 1_000)));

        assertEquals(sorted(before), sorted(table.items()));
    }

    @Test
    void record_whenOrderHasNoCommission_refundComparesAnAbsentReversedTotal() {
        Conversion conversion = fixtures.conversion("evt_1", ConversionKind.SALE, "ord_9", 4_000, null, null);
        Order order = new Order("ord_9", null, Money.of(4_000, "EUR"), null, null, null, Money.of(0, "EUR"), null);
        ledger.record(new ConversionRecord(conversion, null, null, order, null, null, null));
        Conversion refundEvent = fixtures.conversion("evt_2", ConversionKind.REFUND, "ord_9", 1_000, null, null);
        OrderRefund refund = new OrderRefund("ord_9", Money.of(0, "EUR"), null, Money.of(1_000, "EUR"), null);

        assertEquals(Outcome.RECORDED,
                ledger.record(new ConversionRecord(refundEvent, null, null, null, refund, null, null)));

        assertEquals(new Order("ord_9", null, Money.of(4_000, "EUR"), null, null, null, Money.of(1_000, "EUR"), null),
                ledger.findOrder("ord_9").orElseThrow());
    }

    @Test
    void commissions_whileUnpaid_areInTheDueIndexByPayableDate() {
        ConversionRecord sale = sale("evt_1", "ord_1", null);
        ledger.record(sale);

        QueryResponse due = table.client().query(request -> request
                .tableName(table.name())
                .indexName("GSI2")
                .keyConditionExpression("gsi2pk = :due AND gsi2sk <= :today")
                .expressionAttributeValues(Map.of(
                        ":due", AttributeValue.fromS("DUE#test"),
                        ":today", AttributeValue.fromS("2026-06-04T23:59:59.999Z~"))));

        assertEquals(1, due.count());
        assertEquals(sale.commission().id().value(), due.items().get(0).get("commissionId").s());
    }

    @Test
    void conversionsOf_acrossPages_isNewestFirst() {
        List<Conversion> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ConversionRecord sale = saleWithoutCustomer("evt_" + i, "ord_" + i);
            ledger.record(sale);
            recorded.add(0, sale.conversion());
        }
        ledger.record(new ConversionRecord(fixtures.conversion("evt_organic", ConversionKind.SALE, "ord_x", 100,
                null, null), null, null, null, null, null, null));

        Page<Conversion> first = ledger.conversionsOf(partner, PageRequest.first(2));
        Page<Conversion> second = ledger.conversionsOf(partner, new PageRequest(2, first.nextCursor()));

        assertEquals(recorded.subList(0, 2), first.items());
        assertEquals(recorded.subList(2, 3), second.items());
        assertNull(second.nextCursor());
    }

    @Test
    void commissionsOf_acrossPages_isNewestFirstAndSkipsThePartnersOtherItems() {
        List<Commission> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ConversionRecord sale = saleWithoutCustomer("evt_" + i, "ord_" + i);
            ledger.record(sale);
            entries.add(0, sale.commission());
        }

        Page<Commission> first = ledger.commissionsOf(partner, PageRequest.first(2));
        Page<Commission> second = ledger.commissionsOf(partner, new PageRequest(2, first.nextCursor()));

        assertEquals(entries.subList(0, 2), first.items());
        assertEquals(entries.subList(2, 3), second.items(), "STATS items share the partition but are not listed");
        assertNull(second.nextCursor());
        String conversionsCursor = ledger.conversionsOf(partner, PageRequest.first(1)).nextCursor();
        assertThrows(Invalid.class, () -> ledger.commissionsOf(partner, new PageRequest(2, conversionsCursor)));
    }

    @Test
    void record_whenEightDeliveriesRaceWithTheSameEvent_recordsItExactlyOnce() throws Exception {
        ConversionRecord sale = sale("evt_race", "ord_race", storedLead());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<Outcome> delivery = () -> {
                    start.await();
                    return ledger.record(sale);
                };
                outcomes.add(pool.submit(delivery));
            }
            start.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertEquals(1, results.stream().filter(o -> o == Outcome.RECORDED).count(), results.toString());
            assertTrue(results.stream().allMatch(o -> o == Outcome.RECORDED || o == Outcome.DUPLICATE_EVENT
                    || o == Outcome.CONFLICT), results.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(1, table.count("COMMISSION"));
        assertEquals(1L, stats.partnerStats(partner, null).allTime(Counters.SALES));
    }

    private Lead storedLead() {
        Lead lead = fixtures.lead("grace@example.com", partner);
        leads.create(lead, StatsDelta.forPartner(partner, lead.createdAt())
                .event(Counters.LEADS, 1).status("leadStatus.NEW", 1).build());
        return lead;
    }

    /** What RecordConversion plans for a partner's first sale of 100.00 EUR at 20 %. */
    private ConversionRecord sale(String eventId, String orderId, Lead lead) {
        Commission commission = fixtures.commission(partner, CommissionKind.SALE, 2_000, eventId, orderId);
        Conversion conversion = fixtures.conversion(eventId, ConversionKind.SALE, orderId, 10_000, partner,
                commission.id());
        Customer customer = new Customer("cus_1", partner, lead == null ? null : lead.id(), conversion.recordedAt());
        Order order = new Order(orderId, partner, Money.of(10_000, "EUR"), commission.id(), commission.amount(),
                commission.payableOn(), Money.of(0, "EUR"), Money.of(0, "EUR"));
        StatsDelta.Builder delta = StatsDelta.forPartner(partner, conversion.recordedAt())
                .event(Counters.SALES, 1)
                .event("revenue.EUR", 10_000)
                .event("commissionEarned.EUR", 2_000)
                .status("commissionStatus.PENDING.EUR", 2_000);
        LeadConversion leadConversion = null;
        if (lead != null) {
            leadConversion = new LeadConversion(lead.id(), LeadStatus.NEW);
            delta.event(Counters.LEADS_CONVERTED, 1).status("leadStatus.NEW", -1).status("leadStatus.CONVERTED", 1);
        }
        return new ConversionRecord(conversion, customer, leadConversion, order, null, commission, delta.build());
    }

    private ConversionRecord saleWithoutCustomer(String eventId, String orderId) {
        ConversionRecord sale = sale(eventId, orderId, null);
        return new ConversionRecord(sale.conversion(), null, null, sale.newOrder(), null, sale.commission(),
                sale.stats());
    }

    private ConversionRecord refund(String eventId, ConversionRecord sale, long refundedBefore, long reversedBefore,
                                    long refundedAfter, long reversedAfter) {
        long reversal = reversedAfter - reversedBefore;
        Instant at = fixtures.now();
        CommissionId original = sale.commission().id();
        Commission entry = new Commission(new CommissionId(fixtures.newId()), partner, CommissionKind.REVERSAL,
                CommissionStatus.PENDING, Money.of(-reversal, "EUR"), "refund", eventId, sale.newOrder().orderId(),
                original, at, sale.commission().payableOn());
        Conversion conversion = fixtures.conversion(eventId, ConversionKind.REFUND, sale.newOrder().orderId(),
                refundedAfter - refundedBefore, partner, entry.id());
        OrderRefund refund = new OrderRefund(sale.newOrder().orderId(), Money.of(refundedBefore, "EUR"),
                Money.of(reversedBefore, "EUR"), Money.of(refundedAfter, "EUR"), Money.of(reversedAfter, "EUR"));
        StatsDelta delta = StatsDelta.forPartner(partner, at)
                .event(Counters.REFUNDS, 1)
                .event("revenue.EUR", -(refundedAfter - refundedBefore))
                .event("commissionEarned.EUR", -reversal)
                .status("commissionStatus.PENDING.EUR", -reversal)
                .build();
        return new ConversionRecord(conversion, null, null, null, refund, entry, delta);
    }

    private static List<String> sorted(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> new java.util.TreeMap<>(item).toString()).sorted().toList();
    }
}

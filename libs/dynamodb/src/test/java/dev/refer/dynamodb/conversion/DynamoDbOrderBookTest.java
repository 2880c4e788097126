package dev.refer.dynamodb.conversion;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.conversion.Order;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.conversion.OrderBook.ConversionWrite;
import dev.refer.core.conversion.OrderBook.LeadConversion;
import dev.refer.core.conversion.OrderBook.Outcome;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.table.SortableTime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbOrderBookTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbOrderBook orders = new DynamoDbOrderBook(table.client(), table.config());
    private final DynamoDbLeadRepository leads = new DynamoDbLeadRepository(table.client(), table.config());
    private final DynamoDbCommissionLedger ledger = new DynamoDbCommissionLedger(table.client(), table.config());
    private final PartnerId partner = fixtures.partnerId();

    private Lead storedLead() {
        Lead lead = fixtures.lead("grace@example.com", partner);
        leads.create(lead);
        return lead;
    }

    private ConversionWrite sale(String eventId, String orderId, Lead lead) {
        Commission commission = fixtures.commission(partner, CommissionKind.SALE, 2_000, eventId, orderId);
        Conversion conversion = fixtures.conversion(eventId, ConversionKind.SALE, orderId, 10_000, partner,
                commission.id());
        Order order = Order.sold(orderId, ConversionKind.SALE, eventId, partner, Money.of(10_000, "EUR"),
                commission.id(), commission.amount(), commission.payableOn(), conversion.occurredAt());
        return new ConversionWrite(conversion, order, 0,
                new Customer("cus_1", partner, lead == null ? null : lead.id(), conversion.occurredAt()),
                lead == null ? null : new LeadConversion(lead.id(), lead.email(), LeadStatus.NEW, partner),
                List.of(commission));
    }

    private Evidence evidence(String eventId, String orderId) {
        return orders.evidence(new Evidence.Query(eventId, orderId, "cus_1",
                new dev.refer.core.basics.email.EmailAddress("grace@example.com"), null));
    }

    @Test
    void record_whenFirstSale_writesConversionCustomerOrderLeadAndEntry_andEvidenceReadsThemBack() {
        Lead lead = storedLead();
        ConversionWrite sale = sale("evt_1", "ord_1", lead);

        assertEquals(Outcome.RECORDED, orders.record(sale));

        Evidence evidence = evidence("evt_1", "ord_1");
        assertTrue(evidence.eventRecorded());
        assertEquals(sale.order(), evidence.order());
        assertEquals(sale.customer(), evidence.customer());
        assertEquals(LeadStatus.CONVERTED, evidence.lead().status(), "the guard's copy of the status moved too");
        assertEquals(LeadStatus.CONVERTED, leads.find(lead.id()).orElseThrow().status());
        assertNull(leads.find(lead.id()).orElseThrow().expiresAt());
        assertEquals(List.of(sale.entries().getFirst()), ledger.commissionsOf(partner, PageRequest.first(5)).items());
        assertEquals(List.of(sale.conversion()), orders.conversionsOf(partner, PageRequest.first(5)).items());
    }

    @Test
    void evidence_readsTheLeadTheClickAndNothingMissing_inOneRoundTrip() {
        Lead lead = storedLead();
        Click click = new Click(new ClickId(fixtures.newId()), new LinkCode("ada-news"), partner, "newsletter",
                fixtures.now(), fixtures.now().plus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        new DynamoDbClickRepository(table.client(), table.config()).record(click);

        Evidence evidence = orders.evidence(new Evidence.Query("evt_9", "ord_9", "cus_9", lead.email(), click.id()));

        assertFalse(evidence.eventRecorded());
        assertNull(evidence.order());
        assertNull(evidence.customer());
        assertEquals(new Evidence.LeadEvidence(lead.id(), lead.email(), LeadStatus.NEW, lead.attribution(),
                lead.createdAt()), evidence.lead());
        assertEquals(click, evidence.click());
    }

    @Test
    void record_whenEventIdRecordedBefore_isDuplicateEventAndWritesNothing() {
        orders.record(sale("evt_1", "ord_1", storedLead()));
        int before = table.items().size();

        assertEquals(Outcome.DUPLICATE_EVENT, orders.record(sale("evt_1", "ord_2", null)));
        assertEquals(before, table.items().size());
    }

    @Test
    void record_whenTheOrderAppearedOrMovedSinceItWasRead_isConflictAndWritesNothing() {
        Money refund = Money.of(1_000, "EUR");
        Conversion refundEvent = fixtures.conversion("evt_r1", ConversionKind.REFUND, "ord_1", 1_000, null, null);
        Order placeholder = Order.refundedBeforeSale("ord_1", refund, refundEvent.occurredAt());
        assertEquals(Outcome.RECORDED, orders.record(new ConversionWrite(refundEvent, placeholder, 0, null, null,
                List.of())));
        int before = table.items().size();

        assertEquals(Outcome.CONFLICT, orders.record(sale("evt_1", "ord_1", null)), "created: the order exists");
        Conversion second = fixtures.conversion("evt_r2", ConversionKind.REFUND, "ord_1", 500, null, null);
        assertEquals(Outcome.CONFLICT, orders.record(new ConversionWrite(second,
                placeholder.withRefund(Money.of(500, "EUR"), null, second.occurredAt()), 7, null, null, List.of())),
                "replaced from a version that is not the stored one");
        assertEquals(before, table.items().size());
    }

    @Test
    void record_whenTheCustomerAppearedOrTheLeadMovedMeanwhile_isConflict() {
        Lead lead = storedLead();
        ConversionWrite other = sale("evt_0", "ord_0", null);
        orders.record(other); // writes customer cus_1
        assertEquals(Outcome.CONFLICT, orders.record(sale("evt_1", "ord_1", null)));

        leads.review(lead.withStatus(LeadStatus.QUALIFIED, null, null, fixtures.now()), LeadStatus.NEW, List.of());
        ConversionWrite stale = sale("evt_2", "ord_2", lead);
        ConversionWrite withoutCustomer = new ConversionWrite(stale.conversion(), stale.order(), 0, null,
                stale.leadConversion(), stale.entries());
        assertEquals(Outcome.CONFLICT, orders.record(withoutCustomer), "planned from NEW, the lead is QUALIFIED");
    }

    @Test
    void record_whenTheLeadWasTakenOverByAnotherPartnerMeanwhile_isConflict() {
        Lead lead = storedLead();
        ConversionWrite planned = sale("evt_1", "ord_1", lead); // planned with the lead as the partner's
        leads.takeOver(lead, lead.claimedBy(new dev.refer.core.attribution.Attribution(fixtures.partnerId(),
                dev.refer.core.attribution.Attribution.Path.CLICK, new LinkCode("other"),
                new ClickId(fixtures.newId()), null), fixtures.now()));
        int before = table.items().size();

        assertEquals(Outcome.CONFLICT, orders.record(planned), "the sale re-plans with the lead's new holder");
        assertEquals(before, table.items().size());
    }

    @Test
    void refundBeforeSale_thenTheSale_roundTripsTheOrderAndAppendsTheReversal() {
        Conversion refundEvent = fixtures.conversion("evt_r1", ConversionKind.REFUND, "ord_1", 10_000, null, null);
        Order placeholder = Order.refundedBeforeSale("ord_1", Money.of(10_000, "EUR"), refundEvent.occurredAt());
        orders.record(new ConversionWrite(refundEvent, placeholder, 0, null, null, List.of()));
        assertEquals(placeholder, evidence(null, "ord_1").order());

        Commission commission = fixtures.commission(partner, CommissionKind.SALE, 2_000, "evt_1", "ord_1");
        Commission reversal = new Commission(new dev.refer.core.ledger.CommissionId(fixtures.newId()), partner,
                CommissionKind.REVERSAL, commission.status(), Money.of(-2_000, "EUR"), "refunds first", "evt_1",
                "ord_1", commission.id(), commission.earnedAt(), commission.payableOn());
        Conversion saleEvent = fixtures.conversion("evt_1", ConversionKind.SALE, "ord_1", 10_000, partner,
                commission.id());
        Order sold = placeholder.withSale(ConversionKind.SALE, "evt_1", partner, Money.of(10_000, "EUR"),
                commission.id(), commission.amount(), commission.payableOn(), Money.of(2_000, "EUR"),
                saleEvent.occurredAt());

        assertEquals(Outcome.RECORDED, orders.record(new ConversionWrite(saleEvent, sold, placeholder.version(), null,
                null, List.of(commission, reversal))));

        assertEquals(sold, evidence(null, "ord_1").order());
        assertEquals(2, ledger.commissionsOf(partner, PageRequest.first(5)).items().size());
    }

    /** A refund of 2,500 of the sale of {@code ord_1}, reversing 500 of its commission, dated by the order's copy. */
    private ConversionWrite refundOf(Order sold, Commission commission, String eventId) {
        Conversion refund = fixtures.conversion(eventId, ConversionKind.REFUND, "ord_1", 2_500, partner, null);
        Commission reversal = new Commission(new dev.refer.core.ledger.CommissionId(fixtures.newId()), partner,
                CommissionKind.REVERSAL, commission.status(), Money.of(-500, "EUR"), "a refund", eventId, "ord_1",
                commission.id(), refund.occurredAt(), commission.payableOn());
        return new ConversionWrite(refund, sold.withRefund(Money.of(2_500, "EUR"), Money.of(500, "EUR"),
                refund.occurredAt()), sold.version(), null, null, List.of(reversal));
    }

    private static OrderBook.EntryAsCopied asCopied(Order sold) {
        return new OrderBook.EntryAsCopied(sold.partnerId(), sold.commissionId(), sold.commissionPayableOn());
    }

    @Test
    void recordRefund_whileTheEntryIsAsTheOrdersCopySays_writesIt_inOneTransaction() {
        ConversionWrite sale = sale("evt_1", "ord_1", null);
        orders.record(sale);
        Commission commission = sale.entries().getFirst();

        assertEquals(new OrderBook.RefundOutcome.Written(Outcome.RECORDED),
                orders.recordRefund(refundOf(sale.order(), commission, "evt_r1"), asCopied(sale.order())));

        assertEquals(Money.of(2_500, "EUR"), evidence(null, "ord_1").order().refunded());
        assertEquals(2, ledger.commissionsOf(partner, PageRequest.first(5)).items().size());
        assertEquals(new OrderBook.RefundOutcome.Written(Outcome.DUPLICATE_EVENT),
                orders.recordRefund(refundOf(sale.order(), commission, "evt_r1"), asCopied(sale.order())),
                "the event id decides first");
        assertEquals(new OrderBook.RefundOutcome.Written(Outcome.CONFLICT),
                orders.recordRefund(refundOf(sale.order(), commission, "evt_r2"), asCopied(sale.order())),
                "the order moved on");
    }

    @Test
    void recordRefund_whenTheEntryWasApprovedEarly_writesNothing_andReturnsTheEntryAsStored() {
        ConversionWrite sale = sale("evt_1", "ord_1", null);
        orders.record(sale);
        Commission commission = sale.entries().getFirst();
        Commission approved = commission.approvedEarly(commission.earnedAt().plus(Duration.ofDays(1)));
        assertTrue(ledger.approveEarly(approved));

        OrderBook.RefundOutcome outcome = orders.recordRefund(refundOf(sale.order(), commission, "evt_r1"),
                asCopied(sale.order()));

        assertEquals(new OrderBook.RefundOutcome.EntryMoved(ledger.find(partner, commission.id()).orElseThrow()),
                outcome);
        assertEquals(approved.dueAt(), ((OrderBook.RefundOutcome.EntryMoved) outcome).asStored().dueAt());
        assertFalse(evidence("evt_r1", "ord_1").eventRecorded());
        assertEquals(Money.zero(java.util.Currency.getInstance("EUR")), evidence(null, "ord_1").order().refunded());
        assertEquals(1, ledger.commissionsOf(partner, PageRequest.first(5)).items().size());
    }

    @Test
    void recordRefund_whenTheEntryIsGone_writesNothing_andSaysSo() {
        ConversionWrite sale = sale("evt_1", "ord_1", null);
        orders.record(sale);
        Commission commission = sale.entries().getFirst();
        table.client().deleteItem(r -> r.tableName(table.name())
                .key(dev.refer.dynamodb.Keys.commission(partner, commission.id())));

        assertEquals(new OrderBook.RefundOutcome.EntryMoved(null),
                orders.recordRefund(refundOf(sale.order(), commission, "evt_r1"), asCopied(sale.order())));
        assertFalse(evidence("evt_r1", "ord_1").eventRecorded());
    }

    @Test
    void entries_whileUnpaid_areInTheirPartnersUnpaidIndexByPayableDate() {
        orders.record(sale("evt_1", "ord_1", null));
        Commission entry = ledger.commissionsOf(partner, PageRequest.first(1)).items().getFirst();

        QueryResponse due = table.client().query(r -> r.tableName(table.name()).indexName("GSI2")
                .keyConditionExpression("gsi2pk = :p AND gsi2sk <= :cutoff")
                .expressionAttributeValues(Map.of(
                        ":p", AttributeValue.fromS("UNPAID#" + partner.value()),
                        ":cutoff", AttributeValue.fromS(SortableTime.format(entry.payableOn()) + "~"))));
        assertEquals(1, due.count());
        assertEquals(entry.id().value(), due.items().getFirst().get("commissionId").s());
    }

    @Test
    void organicConversions_spreadOverShardedListings() {
        for (int i = 0; i < 40; i++) {
            Conversion conversion = fixtures.conversion("evt_o" + i, ConversionKind.SALE, "ord_o" + i, 100, null,
                    null);
            orders.record(new ConversionWrite(conversion, Order.sold("ord_o" + i, ConversionKind.SALE,
                    "evt_o" + i, null, Money.of(100, "EUR"), null, null, null, conversion.occurredAt()), 0, null,
                    null, List.of()));
        }
        long partitions = table.items().stream().filter(item -> "CONVERSION".equals(item.get("type").s()))
                .map(item -> item.get("gsi1pk").s()).distinct().count();
        assertTrue(partitions > 8, "40 organic conversions over " + partitions + " listing partitions");
    }

    @Test
    void conversionsOf_acrossPages_isNewestFirst() {
        for (int i = 0; i < 3; i++) {
            ConversionWrite sale = sale("evt_" + i, "ord_" + i, null);
            orders.record(new ConversionWrite(sale.conversion(), sale.order(), 0, null, null, sale.entries()));
        }
        Page<Conversion> first = orders.conversionsOf(partner, PageRequest.first(2));
        Page<Conversion> rest = orders.conversionsOf(partner, new PageRequest(2, first.nextCursor()));
        assertEquals(List.of("evt_2", "evt_1"), first.items().stream().map(Conversion::eventId).toList());
        assertEquals(List.of("evt_0"), rest.items().stream().map(Conversion::eventId).toList());
        assertNull(rest.nextCursor());
    }

    @Test
    void record_whenEightDeliveriesRaceWithTheSameEvent_recordsItExactlyOnce() throws Exception {
        ConversionWrite sale = sale("evt_1", "ord_1", storedLead());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                start.await();
                return orders.record(sale);
            });
        }
        List<Future<Outcome>> results = calls.stream().map(pool::submit).toList();
        start.countDown();
        int recorded = 0;
        for (Future<Outcome> result : results) {
            if (result.get() == Outcome.RECORDED) {
                recorded++;
            }
        }
        pool.shutdown();
        assertEquals(1, recorded);
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(1, table.count("COMMISSION"));
    }
}

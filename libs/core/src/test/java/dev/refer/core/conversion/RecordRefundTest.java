package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordRefundTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    /** Anna's referred lead, who buys order-1 for 100.00 EUR (commission 20.00); refunds of it. */
    static final class Scenario {
        final Flow flow = new Flow();
        final Partner anna = flow.partner("anna@partner.example");

        Scenario() {
            flow.link(anna, "anna-news");
            flow.lead("ada@acme.example", flow.click("anna-news").value(), null);
        }

        ConversionResult sale() {
            return flow.sale("evt_sale", "order-1", 10_000, "ada@acme.example", "cus_1");
        }

        ConversionResult refund(String eventId, long minor) {
            return flow.event(eventId, ConversionKind.REFUND, "order-1", minor, "cus_1");
        }

        long netCommission() {
            return flow.store.commissions.stream().mapToLong(c -> c.amount().minor()).sum();
        }

        ConversionResult deliver(String event) {
            return switch (event) {
                case "S" -> sale();
                case "R1" -> refund("evt_r1", 3_000);
                case "R2" -> refund("evt_r2", 2_000);
                default -> throw new IllegalArgumentException(event);
            };
        }

        /** The end state after the sale and both refunds (3,000 and 2,000), however they were delivered. */
        void assertSaleAndBothRefunds() {
            assertEquals(1_000, netCommission(), "20.00 less half of it for 50.00 of 100.00 refunded");
            assertEquals(3, flow.store.conversionsByEvent.size());
            Order order = flow.store.orders.get("order-1");
            assertEquals(5_000, order.refunded().minor());
            assertEquals(2, order.refundCount());
            assertEquals(1_000, order.reversed().minor());
            PartnerStats stats = flow.stats(anna);
            assertEquals(5_000, stats.allTime(Counters.revenue(EUR)));
            assertEquals(1_000, stats.allTime(Counters.commissionEarned(EUR)));
            assertEquals(1, stats.allTime(Counters.SALES));
            assertEquals(2, stats.allTime(Counters.REFUNDS));
        }
    }

    private final Scenario scenario = new Scenario();
    private final Flow flow = scenario.flow;
    private final Partner anna = scenario.anna;

    private ConversionResult sale() {
        return scenario.sale();
    }

    private ConversionResult refund(String eventId, long minor) {
        return scenario.refund(eventId, minor);
    }

    private long netCommission() {
        return scenario.netCommission();
    }

    @Test
    void refunds_whenPartial_reverseProRataAndAddUpToTheWholeCommission() {        sale();
        Commission first = ((ConversionResult.Recorded) refund("evt_r1", 3_333)).entries().getFirst();
        Commission second = ((ConversionResult.Recorded) refund("evt_r2", 3_333)).entries().getFirst();
        Commission third = ((ConversionResult.Recorded) refund("evt_r3", 3_334)).entries().getFirst();
        assertEquals(-667, first.amount().minor(), "20.00 x 33.33 % = 6.666 -> 6.67");
        assertEquals(-666, second.amount().minor(), "cumulative 13.332 -> 13.33, less 6.67");
        assertEquals(-667, third.amount().minor(), "the rest: exactly 20.00 in total");
        assertEquals(CommissionKind.REVERSAL, first.kind());
        assertEquals(flow.store.orders.get("order-1").commissionId(), first.reverses());
        PartnerStats stats = flow.stats(anna);
        assertEquals(0, stats.allTime(Counters.commissionEarned(EUR)));
        assertEquals(0, stats.allTime(Counters.revenue(EUR)));
        assertEquals(3, stats.allTime(Counters.REFUNDS));
    }

    @Test
    void refundOfAnEarlyApprovedPaidEntry_isAClawbackDueAtOnce() {
        Scenario s = new Scenario();
        s.sale();
        Commission sold = s.flow.store.commissions.getFirst();
        s.flow.clock.advance(java.time.Duration.ofDays(1));
        s.flow.store.replaceEntry(sold.approvedEarly(s.flow.clock.instant())
                .paidBy("2026-11-EUR-" + s.anna.id().value()));
        s.flow.clock.advance(java.time.Duration.ofDays(2));

        ConversionResult.Recorded refund = assertInstanceOf(ConversionResult.Recorded.class,
                s.refund("evt_r1", 3_000));

        assertEquals(s.flow.clock.instant(), refund.entries().getFirst().payableOn(),
                "due now, not at the end of the sale's holding period (" + sold.payableOn() + ")");
    }

    @Test
    void refundOfAnEarlyApprovedUnpaidEntry_isDueWithIt() {
        Scenario s = new Scenario();
        s.sale();
        Commission sold = s.flow.store.commissions.getFirst();
        s.flow.clock.advance(java.time.Duration.ofDays(1));
        Instant approvedAt = s.flow.clock.instant();
        s.flow.store.replaceEntry(sold.approvedEarly(approvedAt));
        s.flow.clock.advance(java.time.Duration.ofDays(2));

        ConversionResult.Recorded refund = assertInstanceOf(ConversionResult.Recorded.class,
                s.refund("evt_r1", 3_000));

        assertEquals(s.flow.clock.instant(), refund.entries().getFirst().payableOn(),
                "the entry is due since its approval: its reversal is due now too");
    }

    @Test
    void refund_whenMoreThanIsLeftOrInAnotherCurrency_isRefusedAndStoresNothing() {
        sale();
        refund("evt_r1", 9_000);
        ConversionResult.Refused tooMuch = assertInstanceOf(ConversionResult.Refused.class, refund("evt_r2", 1_001));
        assertEquals("amount", tooMuch.field());
        ConversionResult.Refused currency = assertInstanceOf(ConversionResult.Refused.class,
                flow.recordRefund.record(new ConversionCommand("evt_r3", ConversionKind.REFUND, "order-1",
                        Money.of(100, "USD"), null, null, flow.clock.instant(), null, null)));
        assertEquals("currency", currency.field());
        assertEquals(2, flow.store.conversionsByEvent.size());
    }

    @Test
    void refund_whenAFullRefundIsRedelivered_isADuplicateNotARejection() {
        sale();
        assertInstanceOf(ConversionResult.Recorded.class, refund("evt_r1", 10_000));
        assertInstanceOf(ConversionResult.AlreadyRecorded.class, refund("evt_r1", 10_000));
        assertEquals(2, flow.store.commissions.size());
    }

    /** The reproduced leak: a full refund, then its sale, left a full pending commission. */
    @Test
    void fullRefundBeforeTheSale_leavesNothingToPay() {
        assertInstanceOf(ConversionResult.Recorded.class, refund("evt_r1", 10_000));
        ConversionResult.Recorded sale = assertInstanceOf(ConversionResult.Recorded.class, sale());
        assertEquals(2, sale.entries().size());
        assertEquals(2_000, sale.entries().get(0).amount().minor());
        assertEquals(-2_000, sale.entries().get(1).amount().minor());
        assertEquals(sale.entries().get(0).id(), sale.entries().get(1).reverses());
        assertEquals(0, netCommission());
        PartnerStats stats = flow.stats(anna);
        assertEquals(0, stats.allTime(Counters.revenue(EUR)));
        assertEquals(1, stats.allTime(Counters.SALES));
        assertEquals(1, stats.allTime(Counters.REFUNDS));
    }

    @Test
    void refundsBeforeTheSale_largerThanIt_reverseTheWholeCommissionAndNoMore() {
        refund("evt_r1", 8_000);
        refund("evt_r2", 8_000);
        sale();
        assertEquals(0, netCommission());
        assertInstanceOf(ConversionResult.Refused.class, refund("evt_r3", 1), "nothing is left to refund");
    }

    /** Every order of one sale and two partial refunds (3,000 and 2,000 of 10,000), each delivered twice. */
    static Stream<List<String>> interleavings() {
        List<List<String>> orders = new ArrayList<>();
        permute(new ArrayList<>(List.of("S", "S", "R1", "R1", "R2", "R2")), 0, orders);
        return orders.stream().distinct();
    }

    private static void permute(List<String> events, int k, List<List<String>> out) {
        if (k == events.size()) {
            out.add(List.copyOf(events));
            return;
        }
        for (int i = k; i < events.size(); i++) {
            Collections.swap(events, k, i);
            permute(events, k + 1, out);
            Collections.swap(events, k, i);
        }
    }

    @ParameterizedTest
    @MethodSource("interleavings")
    void anyInterleavingOfSaleRefundsAndRedeliveries_endsInTheSameLedger(List<String> events) {
        for (String event : events) {
            ConversionResult result = scenario.deliver(event);
            assertTrue(result instanceof ConversionResult.Recorded
                    || result instanceof ConversionResult.AlreadyRecorded, events + ": " + result);
        }
        scenario.assertSaleAndBothRefunds();
    }

    @Test
    void concurrentDeliveriesInAnyOrder_endInTheSameLedger() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            Scenario test = new Scenario();
            List<String> events = new ArrayList<>(List.of("S", "S", "R1", "R1", "R2", "R2", "S", "R2"));
            Collections.shuffle(events, random);
            ExecutorService pool = Executors.newFixedThreadPool(events.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ConversionResult>> results = new ArrayList<>();
            for (String event : events) {
                results.add(pool.submit(() -> {
                    start.await();
                    return test.deliver(event);
                }));
            }
            start.countDown();
            for (Future<ConversionResult> result : results) {
                ConversionResult outcome = result.get();
                assertTrue(outcome instanceof ConversionResult.Recorded
                        || outcome instanceof ConversionResult.AlreadyRecorded, outcome.toString());
            }
            pool.shutdown();
            test.assertSaleAndBothRefunds();
        }
    }
}

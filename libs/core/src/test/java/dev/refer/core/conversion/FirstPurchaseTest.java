package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.link.ClickId;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A billing customer is bound by its first purchase as it happened, not as it arrived (docs/attribution-and-money.md, rules table, row 7):
 * every arrival order of two and three sales of one customer, each delivered twice and the whole run replayed, ends
 * with the ledger of in-order delivery.
 */
class FirstPurchaseTest {

    /** One sale of customer cus_1: its evidence ("click:code", "ref:code" or none) and when it happened. */
    record Sale(String eventId, String orderId, ConversionKind kind, long minor, String evidence, Duration after) {
        @Override
        public String toString() {
            return eventId + (evidence == null ? "" : "(" + evidence + ")");
        }
    }

    private static final Sale CLICKED_ANNA = new Sale("evt_1", "order-1", ConversionKind.SALE, 10_000,
            "click:anna-news", Duration.ZERO);
    private static final Sale CODED_BRUNO = new Sale("evt_2", "order-2", ConversionKind.SALE, 20_000,
            "ref:bruno-blog", Duration.ofDays(1));
    private static final Sale RENEWAL = new Sale("evt_3", "invoice-3", ConversionKind.RENEWAL, 30_000, null,
            Duration.ofDays(2));

    /** The customer's sales, each a run with its own store: partners, links and clicks, then the deliveries. */
    static final class Run {
        final Flow flow = new Flow();
        final Partner anna = flow.partner("anna@partner.example");
        final Partner bruno = flow.partner("bruno@partner.example");
        final Map<String, ClickId> clicks = new HashMap<>();
        final Instant firstAt;

        Run() {
            flow.link(anna, "anna-news");
            flow.link(bruno, "bruno-blog");
            clicks.put("anna-news", flow.click("anna-news"));
            clicks.put("bruno-blog", flow.click("bruno-blog"));
            firstAt = flow.clock.instant().plus(Duration.ofHours(1));
            flow.clock.advance(Duration.ofDays(3)); // every sale is delivered after all of them happened
        }

        ConversionResult deliver(Sale sale) {
            String rid = null;
            String ref = null;
            if (sale.evidence() != null && sale.evidence().startsWith("click:")) {
                rid = clicks.get(sale.evidence().substring(6)).value();
            } else if (sale.evidence() != null) {
                ref = sale.evidence().substring(4);
            }
            return flow.event(sale.eventId(), sale.kind(), sale.orderId(), sale.minor(), null, "cus_1", rid, ref,
                    firstAt.plus(sale.after()));
        }

        String name(PartnerId id) {
            return id == null ? "organic" : id.equals(anna.id()) ? "anna" : id.equals(bruno.id()) ? "bruno" : "?";
        }

        /** Net amount per partner and order, and who each order and the customer went to. */
        Map<String, Object> ledger() {
            Map<String, Object> view = new TreeMap<>();
            for (Commission entry : flow.store.commissions) {
                view.merge("net " + name(entry.partnerId()) + " " + entry.orderId(), entry.amount().minor(),
                        (a, b) -> (Long) a + (Long) b);
            }
            view.values().removeIf(value -> value instanceof Long net && net == 0L); // reversed: as never earned
            flow.store.orders.forEach((id, order) -> view.put("order " + id, name(order.partnerId())));
            view.put("customer", name(flow.store.customers.get("cus_1").partnerId()));
            return view;
        }

        /** No partner earns a sale's or renewal's commission twice for one order. */
        void assertEachCommissionCreatedOnce() {
            Map<String, Integer> earned = new HashMap<>();
            for (Commission entry : flow.store.commissions) {
                if (entry.kind() == CommissionKind.SALE || entry.kind() == CommissionKind.RENEWAL) {
                    earned.merge(name(entry.partnerId()) + " " + entry.orderId(), 1, Integer::sum);
                }
            }
            earned.forEach((key, count) -> assertEquals(1, count, key + " earned more than once"));
        }
    }

    private static Map<String, Object> inOrder(List<Sale> sales) {
        Run run = new Run();
        sales.stream().sorted((a, b) -> a.after().compareTo(b.after())).forEach(run::deliver);
        return run.ledger();
    }

    static Stream<Arguments> arrivalOrders() {
        List<List<Sale>> scenarios = List.of(
                List.of(CLICKED_ANNA, CODED_BRUNO),
                List.of(CLICKED_ANNA, RENEWAL),
                List.of(CODED_BRUNO, RENEWAL),
                List.of(CLICKED_ANNA, CODED_BRUNO, RENEWAL),
                // the first purchase carries no evidence: the customer is organic, whatever later sales carry
                List.of(new Sale("evt_0", "order-0", ConversionKind.SALE, 5_000, null, Duration.ZERO),
                        new Sale("evt_2", "order-2", ConversionKind.SALE, 20_000, "click:anna-news",
                                Duration.ofDays(1)), RENEWAL),
                // a code first, a click later: time decides, not the strength of the later evidence
                List.of(new Sale("evt_0", "order-0", ConversionKind.SALE, 5_000, "ref:bruno-blog", Duration.ZERO),
                        new Sale("evt_2", "order-2", ConversionKind.SALE, 20_000, "click:anna-news",
                                Duration.ofDays(1)), RENEWAL));
        List<Arguments> cases = new ArrayList<>();
        for (List<Sale> scenario : scenarios) {
            for (List<Sale> order : permutations(scenario)) {
                cases.add(Arguments.of(scenario, order));
            }
        }
        return cases.stream();
    }

    private static List<List<Sale>> permutations(List<Sale> sales) {
        if (sales.size() <= 1) {
            return List.of(sales);
        }
        List<List<Sale>> all = new ArrayList<>();
        for (Sale first : sales) {
            List<Sale> rest = new ArrayList<>(sales);
            rest.remove(first);
            for (List<Sale> tail : permutations(rest)) {
                List<Sale> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("arrivalOrders")
    void everyArrivalOrder_withRedeliveries_endsInTheLedgerOfInOrderDelivery(List<Sale> scenario,
                                                                             List<Sale> arrival) {
        Run run = new Run();
        for (Sale sale : arrival) {
            assertInstanceOf(ConversionResult.Recorded.class, run.deliver(sale));
            assertInstanceOf(ConversionResult.AlreadyRecorded.class, run.deliver(sale), "a redelivery");
        }
        for (Sale sale : arrival) {
            assertInstanceOf(ConversionResult.AlreadyRecorded.class, run.deliver(sale), "the whole run again");
        }

        assertEquals(inOrder(scenario), run.ledger());
        run.assertEachCommissionCreatedOnce();
    }

    @Test
    void earlierSaleWithAClick_arrivingLate_bindsTheCustomer_andTheLaterSaleFollowsIt() {
        Run run = new Run();
        Sale later = new Sale("evt_2", "order-2", ConversionKind.SALE, 20_000, null, Duration.ofDays(1));
        ConversionResult.Recorded first = assertInstanceOf(ConversionResult.Recorded.class, run.deliver(later));
        assertTrue(first.entries().isEmpty(), "organic as far as anyone knew");
        assertNull(run.flow.store.customers.get("cus_1").partnerId());

        ConversionResult.Recorded earlier = assertInstanceOf(ConversionResult.Recorded.class,
                run.deliver(CLICKED_ANNA));

        assertEquals(run.anna.id(), run.flow.store.customers.get("cus_1").partnerId());
        assertEquals(run.firstAt, run.flow.store.customers.get("cus_1").since());
        assertEquals(List.of("order-1", "order-2"), earlier.entries().stream().map(Commission::orderId).toList(),
                "its own commission and the later sale's, in one write");
        assertEquals(List.of(2_000L, 4_000L), earlier.entries().stream().map(e -> e.amount().minor()).toList());
        Commission laterCommission = earlier.entries().get(1);
        assertEquals(run.firstAt.plus(Duration.ofDays(1)), laterCommission.earnedAt(), "dated by its own sale");
        assertEquals(run.anna.id(), run.flow.store.orders.get("order-2").partnerId());
        Conversion shown = run.flow.store.conversionsByEvent.get("evt_2");
        assertEquals(run.anna.id(), shown.attribution().partnerId());
        assertEquals(Attribution.Path.CUSTOMER, shown.attribution().path());
        assertEquals(laterCommission.id(), shown.commissionId());
        assertEquals(2, run.flow.stats(run.anna).allTime(Counters.SALES));
        assertEquals(30_000, run.flow.stats(run.anna).allTime(Counters.revenue(java.util.Currency.getInstance("EUR"))));
    }

    @Test
    void earlierOrganicSale_takesTheCustomerBack_andReversesWhatTheLaterSaleEarned_withAReason() {
        Run run = new Run();
        Sale organicFirst = new Sale("evt_0", "order-0", ConversionKind.SALE, 5_000, null, Duration.ZERO);
        ConversionResult.Recorded bruno = assertInstanceOf(ConversionResult.Recorded.class, run.deliver(CODED_BRUNO));
        assertEquals(4_000, bruno.entries().getFirst().amount().minor());

        ConversionResult.Recorded rebound = assertInstanceOf(ConversionResult.Recorded.class,
                run.deliver(organicFirst));

        assertNull(run.flow.store.customers.get("cus_1").partnerId());
        Commission reversal = rebound.entries().getFirst();
        assertEquals(CommissionKind.REVERSAL, reversal.kind());
        assertEquals(run.bruno.id(), reversal.partnerId());
        assertEquals(-4_000, reversal.amount().minor());
        assertEquals(bruno.entries().getFirst().id(), reversal.reverses());
        assertTrue(reversal.rule().contains("first purchase, order order-0"), reversal.rule());
        assertEquals(bruno.entries().getFirst().amount(), run.flow.store.commissions.get(0).amount(),
                "the commission itself is never edited");
        assertEquals(0, run.flow.stats(run.bruno).allTime(Counters.SALES), "the sale moved out of Bruno's counters");
    }

    @Test
    void aSaleThatHappenedLongerThanTheWindowBeforeTheBinding_followsIt() {
        Run run = new Run();
        Sale muchLater = new Sale("evt_9", "order-9", ConversionKind.SALE, 20_000, "ref:bruno-blog",
                Duration.ofDays(31));
        run.flow.clock.advance(Duration.ofDays(31));
        run.deliver(muchLater);

        ConversionResult.Recorded early = assertInstanceOf(ConversionResult.Recorded.class,
                run.deliver(CLICKED_ANNA));

        assertEquals(run.bruno.id(), early.conversion().attribution().partnerId(), "beyond the window: bound");
        assertEquals(run.bruno.id(), run.flow.store.customers.get("cus_1").partnerId());
        assertEquals(1, early.entries().size());
    }

    @Test
    void refundsOfTheLaterSale_recordedBeforeTheRebinding_areTakenBackFromTheNewPartnersCommission() {
        Run run = new Run();
        run.deliver(CODED_BRUNO); // 20,000: Bruno earns 4,000
        assertInstanceOf(ConversionResult.Recorded.class, run.flow.event("evt_r", ConversionKind.REFUND, "order-2",
                5_000, null, null, null, null, run.firstAt.plus(Duration.ofDays(2))));

        run.deliver(CLICKED_ANNA);

        Map<String, Object> ledger = run.ledger();
        assertNull(ledger.get("net bruno order-2"), "Bruno ends at zero: " + ledger);
        assertEquals(3_000L, ledger.get("net anna order-2"), "a quarter refunded: 4,000 less 1,000");
        assertEquals(2_000L, ledger.get("net anna order-1"));

        assertInstanceOf(ConversionResult.Recorded.class, run.flow.event("evt_r2", ConversionKind.REFUND, "order-2",
                15_000, null, null, null, null, run.firstAt.plus(Duration.ofDays(2))));
        assertNull(run.ledger().get("net anna order-2"), "the rest refunded: Anna's commission fully reversed");
    }

    @Test
    void aRebindingOfASaleWhoseCommissionWasApprovedEarlyAndPaid_isAClawbackDueAtOnce() {
        Run run = new Run();
        ConversionResult.Recorded bruno = assertInstanceOf(ConversionResult.Recorded.class, run.deliver(CODED_BRUNO));
        Commission paid = bruno.entries().getFirst();
        run.flow.store.replaceEntry(paid.approvedEarly(run.flow.clock.instant()).paidBy("2026-11-EUR-bruno"));
        run.flow.clock.advance(Duration.ofDays(1));

        ConversionResult.Recorded rebound = assertInstanceOf(ConversionResult.Recorded.class,
                run.deliver(CLICKED_ANNA));

        Commission clawback = rebound.entries().stream()
                .filter(e -> e.kind() == CommissionKind.REVERSAL && run.bruno.id().equals(e.partnerId()))
                .findFirst().orElseThrow();
        assertEquals(-paid.amount().minor(), clawback.amount().minor());
        assertEquals(run.flow.clock.instant(), clawback.payableOn(),
                "paid already: taken back from the next payout, not at the end of the sale's holding period ("
                        + paid.payableOn() + ")");
    }

    @Test
    void aRebindingOfASaleWhoseCommissionIsStillHeld_isTakenBackWithIt() {
        Run run = new Run();
        ConversionResult.Recorded bruno = assertInstanceOf(ConversionResult.Recorded.class, run.deliver(CODED_BRUNO));
        Commission held = bruno.entries().getFirst();

        ConversionResult.Recorded rebound = assertInstanceOf(ConversionResult.Recorded.class,
                run.deliver(CLICKED_ANNA));

        Commission reversal = rebound.entries().stream()
                .filter(e -> e.kind() == CommissionKind.REVERSAL && run.bruno.id().equals(e.partnerId()))
                .findFirst().orElseThrow();
        assertEquals(held.payableOn(), reversal.payableOn(), "nets with the entry it reverses, in one payout");
    }
}

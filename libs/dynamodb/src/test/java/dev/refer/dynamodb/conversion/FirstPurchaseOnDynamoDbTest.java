package dev.refer.dynamodb.conversion;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.Seed;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer bound by its first purchase as it happened, against DynamoDB Local: the earlier sale that arrives late
 * re-binds the customer and moves the later sale's order, conversion and commission in one transaction; racing
 * deliveries of the two count nothing twice.
 */
class FirstPurchaseOnDynamoDbTest {

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    private final TestTable table = TestTable.create();
    private final Seed seed = new Seed(table);
    private final Partner anna;
    private final Partner bruno;
    private final ClickId annasClick = new ClickId(new UlidGenerator(Clock.systemUTC()).newId());
    private final Instant firstAt = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
    private final DynamoDbOrderBook orders = new DynamoDbOrderBook(table.client(), table.config());
    private final DynamoDbCommissionLedger ledger = new DynamoDbCommissionLedger(table.client(), table.config());
    private final RecordSale recordSale;

    FirstPurchaseOnDynamoDbTest() {
        seed.program();
        anna = seed.activePartner("anna@partner.example");
        bruno = seed.activePartner("bruno@partner.example");
        seed.link(anna, "anna-news", true);
        seed.link(bruno, "bruno-blog", true);
        new DynamoDbClickRepository(table.client(), table.config()).record(new Click(annasClick,
                new LinkCode("anna-news"), anna.id(), "newsletter", firstAt.minus(Duration.ofHours(1)),
                firstAt.plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS)));
        DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());
        recordSale = new RecordSale(table.config().programId(),
                new DynamoDbProgramRepository(table.client(), table.config()), partners, orders,
                new DynamoDbCommissionLedger(table.client(), table.config()),
                new AttributionPolicy(new DynamoDbLinkRepository(table.client(), table.config()), partners),
                new CommissionPolicy(), new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    private ConversionResult earlierWithAnnasClick() {
        return recordSale.record(new ConversionCommand("evt_1", ConversionKind.SALE, "order-1",
                Money.of(10_000, "EUR"), "cus_1", null, firstAt, annasClick.value(), null));
    }

    private ConversionResult laterWithBrunosCode() {
        return recordSale.record(new ConversionCommand("evt_2", ConversionKind.SALE, "order-2",
                Money.of(20_000, "EUR"), "cus_1", null, firstAt.plus(Duration.ofDays(1)), null, "bruno-blog"));
    }

    /** Net commission per partner and order, as the ledger holds it. */
    private Map<String, Long> net() {
        Map<String, Long> net = new TreeMap<>();
        for (Partner partner : List.of(anna, bruno)) {
            for (Commission entry : ledger.commissionsOf(partner.id(), PageRequest.first(50)).items()) {
                net.merge((partner == anna ? "anna " : "bruno ") + entry.orderId(), entry.amount().minor(),
                        Long::sum);
            }
        }
        net.values().removeIf(amount -> amount == 0);
        return net;
    }

    private Customer customer() {
        return orders.evidence(new Evidence.Query(null, null, "cus_1", null, null)).customer();
    }

    @Test
    void earlierSaleArrivingLate_rebindsTheCustomer_andMovesTheLaterSaleInOneWrite() {
        ConversionResult.Recorded later = assertInstanceOf(ConversionResult.Recorded.class, laterWithBrunosCode());
        assertEquals(bruno.id(), later.entries().getFirst().partnerId());

        ConversionResult.Recorded earlier = assertInstanceOf(ConversionResult.Recorded.class,
                earlierWithAnnasClick());

        assertEquals(Map.of("anna order-1", 2_000L, "anna order-2", 4_000L), net());
        Commission reversal = ledger.commissionsOf(bruno.id(), PageRequest.first(5)).items().stream()
                .filter(entry -> entry.kind() == CommissionKind.REVERSAL).findFirst().orElseThrow();
        assertEquals(later.entries().getFirst().id(), reversal.reverses());
        assertEquals(anna.id(), customer().partnerId());
        assertEquals(firstAt, customer().since());
        assertEquals(List.of("order-1", "order-2"), customer().purchases().stream()
                .map(Customer.Purchase::orderId).toList());
        Evidence order2 = orders.evidence(new Evidence.Query(null, "order-2", null, null, null));
        assertEquals(anna.id(), order2.order().partnerId());
        assertEquals(2, order2.order().version());
        assertEquals(List.of("evt_1", "evt_2"), orders.conversionsOf(anna.id(), PageRequest.first(5)).items()
                .stream().map(c -> c.eventId()).sorted().toList(), "the later sale is listed under Anna now");
        assertTrue(orders.conversionsOf(bruno.id(), PageRequest.first(5)).items().isEmpty());
        assertEquals(3, earlier.entries().size(), "Anna's two commissions and Bruno's reversal");

        assertInstanceOf(ConversionResult.AlreadyRecorded.class, earlierWithAnnasClick());
        assertInstanceOf(ConversionResult.AlreadyRecorded.class, laterWithBrunosCode());
        assertEquals(4, table.count("COMMISSION"), "redeliveries write nothing");
    }

    private ConversionResult thirdWithoutEvidence() {
        return recordSale.record(new ConversionCommand("evt_3", ConversionKind.SALE, "order-3",
                Money.of(30_000, "EUR"), "cus_1", null, firstAt.plus(Duration.ofDays(2)), null, null));
    }

    @ParameterizedTest(name = "arrival {0}")
    @ValueSource(strings = {"123", "132", "213", "231", "312", "321"})
    void everyArrivalOrderOfThreeSales_deliveredTwice_endsInTheInOrderLedger(String arrival) {
        for (char sale : arrival.toCharArray()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                ConversionResult result = switch (sale) {
                    case '1' -> earlierWithAnnasClick();
                    case '2' -> laterWithBrunosCode();
                    default -> thirdWithoutEvidence();
                };
                assertTrue(delivery == 0 ? result instanceof ConversionResult.Recorded
                        : result instanceof ConversionResult.AlreadyRecorded, result.toString());
            }
        }

        assertEquals(Map.of("anna order-1", 2_000L, "anna order-2", 4_000L, "anna order-3", 6_000L), net());
        assertEquals(anna.id(), customer().partnerId());
        assertEquals(firstAt, customer().since());
    }

    @Test
    void bothSalesDeliveredConcurrently_fourTimesEach_endAsInOrderDelivery() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ConversionResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean early = i % 2 == 0;
            results.add(pool.submit(() -> {
                start.await();
                return early ? earlierWithAnnasClick() : laterWithBrunosCode();
            }));
        }
        start.countDown();
        int recorded = 0;
        for (Future<ConversionResult> result : results) {
            ConversionResult outcome = result.get();
            assertTrue(outcome instanceof ConversionResult.Recorded
                    || outcome instanceof ConversionResult.AlreadyRecorded, outcome.toString());
            if (outcome instanceof ConversionResult.Recorded) {
                recorded++;
            }
        }
        pool.shutdown();

        assertEquals(2, recorded);
        assertEquals(Map.of("anna order-1", 2_000L, "anna order-2", 4_000L), net());
        assertEquals(anna.id(), customer().partnerId());
        PartnerId order2 = orders.evidence(new Evidence.Query(null, "order-2", null, null, null)).order().partnerId();
        assertEquals(anna.id(), order2);
    }
}

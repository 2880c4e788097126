package dev.refer.stripe;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.RegisterDeal;
import dev.refer.core.deal.ReviewDeal;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.RoundTrips;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.deal.DynamoDbDealRegistry;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.table.TableKeys;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.testkit.secrets.SecretsInMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.refer.stripe.StripeDeliveries.checkoutPayment;
import static dev.refer.stripe.StripeDeliveries.checkoutSubscription;
import static dev.refer.stripe.StripeDeliveries.event;
import static dev.refer.stripe.StripeDeliveries.invoice;
import static dev.refer.stripe.StripeDeliveries.now;
import static dev.refer.stripe.StripeDeliveries.refundedCharge;
import static dev.refer.stripe.StripeDeliveries.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each Stripe event costs in DynamoDB round trips, through the production wiring on DynamoDB Local, once the
 * execution environment's caches (program, partners, links) are warm: at most two, its evidence
 * (one strongly consistent BatchGetItem) and its write (one transaction), whatever order the events arrive in. Each
 * scenario also checks the outcome, so a path cannot get cheaper by doing less.
 */
class StripeRoundTripsTest {

    private static final List<String> EVIDENCE = List.of("BatchGetItem");
    private static final List<String> EVIDENCE_AND_WRITE = List.of("BatchGetItem", "TransactWriteItems");

    private static SecretsInMoto secrets;
    private TestTable table;
    private ProgramFixture seed;
    private Partner anna;
    private RoundTrips roundTrips;
    private StripeWebhookHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
        secrets = new SecretsInMoto("STRIPE_WEBHOOK_SECRET_ID");
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        anna = seed.activePartner("anna@partner.example");
        seed.link(anna, "anna-news", true);
        Map<String, String> env = new HashMap<>(table.environment());
        env.putAll(secrets.environment(secrets.create(StripeDeliveries.SECRET)));
        roundTrips = new RoundTrips();
        handler = StripeWebhookWiring.handler(env, DynamoDbClients.create(env, List.of(roundTrips)));
        // a first sale warms the environment's caches: the program, Anna, her link
        assertEquals("recorded", deliver(checkout("evt_warm", "cs_warm", 10_000)).jsonBody().get("status"));
        roundTrips.take();
    }

    private ApiResponse deliver(String body) {
        return signed(body).invoke(handler);
    }

    /** Delivers {@code body}, expects {@code status} in the answer, and says which DynamoDB calls it cost. */
    private List<String> cost(String body, String status) {
        ApiResponse response = deliver(body);
        assertTrue(response.status() / 100 == 2, response.body());
        assertEquals(status, response.jsonBody().get("status"), response.body());
        return roundTrips.take();
    }

    private static String checkout(String eventId, String sessionId, long amount) {
        return event(eventId, "checkout.session.completed", now(), checkoutPayment(sessionId, "pi_" + sessionId,
                amount, "eur", "cus_" + sessionId, "ada@acme.example", "anna-news", null));
    }

    private static String refund(String eventId, String invoice, String paymentIntent, long refundedTotal) {
        return event(eventId, "charge.refunded", now(), refundedCharge("ch_1", invoice, paymentIntent, 10_000,
                refundedTotal, "eur"));
    }

    private static String firstInvoice(String eventId, long created) {
        return event(eventId, "invoice.paid", created, invoice("in_1", "sub_1", "subscription_create", 10_000,
                "cus_1", "ada@acme.example", "{\"ref\":\"anna-news\"}"));
    }

    private static String session() {
        return event("evt_s", "checkout.session.completed", now(), checkoutSubscription("cs_1", "in_1", "sub_1",
                10_000, "cus_1", "ada@acme.example", "anna-news"));
    }

    private void approvedDeal(Partner partner, String domain) {
        DynamoDbDealRegistry registry = new DynamoDbDealRegistry(table.client(), table.config());
        Clock clock = Clock.systemUTC();
        RegisterDeal.Result registered = new RegisterDeal(registry, registry,
                new DynamoDbPartnerRepository(table.client(), table.config()), new UlidGenerator(clock), clock)
                .register(new RegisterDeal.Command(partner.id(), "Initech", domain, "Peter",
                        "peter@" + domain, "notes"));
        DealId id = ((RegisterDeal.Result.Registered) registered).deal().id();
        assertTrue(new ReviewDeal(registry, registry, clock).approve(id) instanceof ReviewDeal.Result.Approved);
    }

    private Map<String, AttributeValue> conversionAttribution(String eventId) {
        var key = TableKeys.conversion(table.config().programId().value(), eventId);
        return table.item(key.pk(), key.sk()).get("attribution").m();
    }

    private long netCommission() {
        return table.items().stream().filter(item -> "COMMISSION".equals(item.get("type").s()))
                .mapToLong(item -> Long.parseLong(item.get("amount").n())).sum();
    }

    @Test
    void checkoutSessionCompleted_aOneOffSale_twoRoundTrips_aRedeliveryOne() {
        assertEquals(EVIDENCE_AND_WRITE, cost(checkout("evt_1", "cs_1", 10_000), "recorded"));
        assertEquals(EVIDENCE, cost(checkout("evt_1", "cs_1", 10_000), "duplicate"));
    }

    @Test
    void checkoutSessionCompleted_ofASubscription_twoRoundTrips_thenItsFirstInvoiceOne() {
        assertEquals(EVIDENCE_AND_WRITE, cost(session(), "recorded"));
        assertEquals(EVIDENCE, cost(firstInvoice("evt_i1", now()), "duplicate"));
    }

    @Test
    void invoicePaid_theFirstBeforeItsSession_waitsForOneRoundTrip_andEndsAsInOrder() {
        ApiResponse waiting = deliver(firstInvoice("evt_i1", now()));
        assertEquals(503, waiting.status(), waiting.body());
        assertEquals(EVIDENCE, roundTrips.take(), "the invoice waits: its event id read, nothing written");
        assertEquals(EVIDENCE_AND_WRITE, cost(session(), "recorded"));
        assertEquals(EVIDENCE, cost(firstInvoice("evt_i1", now()), "duplicate"), "Stripe's retry");
        assertEquals(2 * 2_000, netCommission());
    }

    @Test
    void invoicePaid_theFirstWithoutASession_twoRoundTrips_thenARenewalTwo() {
        assertEquals(EVIDENCE_AND_WRITE, cost(firstInvoice("evt_i1", now() - 3_600), "recorded"),
                "past its grace: the sale");
        assertEquals(EVIDENCE_AND_WRITE, cost(event("evt_i2", "invoice.paid", now(), invoice("in_2", "sub_1",
                "subscription_cycle", 10_000, "cus_1", "ada@acme.example", "{}")), "recorded"), "a renewal");
        assertEquals(EVIDENCE, cost(event("evt_i2", "invoice.paid", now(), invoice("in_2", "sub_1",
                "subscription_cycle", 10_000, "cus_1", "ada@acme.example", "{}")), "duplicate"));
        assertEquals(3 * 2_000, netCommission(), "the warm-up's sale, the sale and the renewal, all Anna's");
    }

    @Test
    void chargeRefunded_afterTheSale_twoRoundTrips_eachCumulativeDelivery_andAnOlderTotalOne() {
        cost(checkout("evt_1", "cs_1", 10_000), "recorded");
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r1", null, "pi_cs_1", 3_000), "recorded"),
                "no read of the commission entry: the write checks it");
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r2", null, "pi_cs_1", 5_000), "recorded"),
                "the difference");
        assertEquals(EVIDENCE, cost(refund("evt_r0", null, "pi_cs_1", 3_000), "duplicate"),
                "an older total arriving late");
        assertEquals(EVIDENCE, cost(refund("evt_r1", null, "pi_cs_1", 3_000), "duplicate"), "a redelivery");
        assertEquals(2_000 + 1_000, netCommission(), "the warm-up's 20.00, and 20.00 less half of it");
    }

    @Test
    void chargeRefunded_beforeItsInvoice_twoRoundTrips_andTheInvoiceTwo_endingAsInOrder() {
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r1", "in_1", "pi_in_1", 4_000), "recorded"));
        assertEquals(EVIDENCE_AND_WRITE, cost(firstInvoice("evt_i1", now() - 3_600), "recorded"));
        assertEquals(2_000 + 1_200, netCommission(), "20.00 less 40 % of it");
    }

    @Test
    void ignoredEvents_costNoRoundTrip() {
        assertEquals(List.of(), cost(event("evt_x", "customer.created", now(), "{\"id\":\"cus_1\"}"), "ignored"));
    }

    /**
     * The buyer's company domain is read with the evidence, not looked up on its own: a first sale of a company not
     * seen before costs two round trips like any other, and a domain another partner registered wins it.
     */
    @Test
    void checkoutSessionCompleted_ofACompanyNotSeenBefore_twoRoundTrips_itsDealRegistrationReadWithTheEvidence() {
        Partner bruno = seed.activePartner("bruno@partner.example");
        seed.link(bruno, "bruno-blog", true);
        approvedDeal(bruno, "initech.example");
        cost(event("evt_b", "checkout.session.completed", now(), checkoutPayment("cs_b", "pi_cs_b", 10_000, "eur",
                "cus_b", "bob@example.org", "bruno-blog", null)), "recorded"); // Bruno in the partner cache

        assertEquals(EVIDENCE_AND_WRITE, cost(event("evt_1", "checkout.session.completed", now(),
                checkoutPayment("cs_1", "pi_cs_1", 10_000, "eur", "cus_1", "peter@initech.example", "anna-news",
                        null)), "recorded"));
        assertEquals("DEAL", conversionAttribution("cs_1").get("path").s(), "Bruno's registration outranks the code");
        assertEquals(bruno.id().value(), conversionAttribution("cs_1").get("partnerId").s());

        assertEquals(EVIDENCE_AND_WRITE, cost(event("evt_2", "checkout.session.completed", now(),
                checkoutPayment("cs_2", "pi_cs_2", 10_000, "eur", "cus_2", "milton@globex.example", "anna-news",
                        null)), "recorded"), "a domain nobody registered");
        assertEquals(anna.id().value(), conversionAttribution("cs_2").get("partnerId").s());
    }

    /**
     * The one refund that costs more: its commission was approved early (or paid) since the sale, so the order's
     * copy of its due date no longer holds. The write's check refuses it and returns the entry, and the refund is
     * re-dated by it and written again: three round trips, no read of the entry. Due at once, as before.
     */
    @Test
    void chargeRefunded_ofACommissionApprovedEarly_threeRoundTrips_andTheReversalIsDueAtOnce() {
        cost(checkout("evt_1", "cs_1", 10_000), "recorded");
        DynamoDbCommissionLedger ledger = new DynamoDbCommissionLedger(table.client(), table.config());
        Commission sale = ledger.commissionsOf(anna.id(), PageRequest.first(10)).items().stream()
                .filter(entry -> "pi_cs_1".equals(entry.orderId())).findFirst().orElseThrow();
        Instant approvedAt = Instant.now().minusSeconds(60);
        assertTrue(ledger.approveEarly(sale.approvedEarly(approvedAt)));

        assertEquals(List.of("BatchGetItem", "TransactWriteItems", "TransactWriteItems"),
                cost(refund("evt_r1", null, "pi_cs_1", 5_000), "recorded"));

        Commission reversal = ledger.commissionsOf(anna.id(), PageRequest.first(10)).items().stream()
                .filter(entry -> entry.kind() == CommissionKind.REVERSAL).findFirst().orElseThrow();
        assertFalse(reversal.payableOn().isAfter(Instant.now()), "due at once, as its approved commission");
        assertTrue(sale.payableOn().isAfter(Instant.now()), "the order's copy says in its holding period");
        assertEquals(2_000 + 1_000, netCommission());
    }
}

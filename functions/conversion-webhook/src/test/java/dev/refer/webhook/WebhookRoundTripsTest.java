package dev.refer.webhook;

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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.refer.webhook.SignedDelivery.ago;
import static dev.refer.webhook.SignedDelivery.refund;
import static dev.refer.webhook.SignedDelivery.sale;
import static dev.refer.webhook.SignedDelivery.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each conversion event costs in DynamoDB round trips, through the production wiring on DynamoDB Local, once the
 * execution environment's caches (program, partners, links) are warm: at most two, its evidence
 * (one strongly consistent BatchGetItem) and its write (one transaction), in whatever order the events arrive. Each
 * scenario also checks the outcome, so a path cannot get cheaper by doing less.
 */
class WebhookRoundTripsTest {

    private static final List<String> EVIDENCE = List.of("BatchGetItem");
    private static final List<String> EVIDENCE_AND_WRITE = List.of("BatchGetItem", "TransactWriteItems");

    private static SecretsInMoto secrets;
    private static String secretName;
    private TestTable table;
    private ProgramFixture seed;
    private Partner anna;
    private RoundTrips roundTrips;
    private ConversionWebhookHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
        secrets = new SecretsInMoto("WEBHOOK_SECRET_ID");
        secretName = secrets.create(SignedDelivery.SECRET);
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
        env.putAll(secrets.environment(secretName));
        roundTrips = new RoundTrips();
        handler = ConversionWebhookWiring.handler(env, DynamoDbClients.create(env, List.of(roundTrips)));
        // a first sale warms the environment's caches: the program, Anna, her link
        cost(referredSale("evt_warm", "ord_warm"), "recorded");
        roundTrips.take();
    }

    /** Delivers {@code body}, expects {@code status} in the answer, and says which DynamoDB calls it cost. */
    private List<String> cost(String body, String status) {
        ApiResponse response = signed(body).invoke(handler);
        assertEquals(200, response.status(), response.body());
        assertEquals(status, response.jsonBody().get("status"), response.body());
        return roundTrips.take();
    }

    private static String referredSale(String eventId, String orderId) {
        return sale(eventId, orderId, 10_000, "ada@acme.example").replace("}}", "},\"ref\":\"anna-news\"}");
    }

    private static String renewal(String eventId, String orderId, String customer) {
        return """
                {"id":"%s","type":"renewal","orderId":"%s","amount":10000,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"%s","email":"ada@acme.example"}}"""
                .formatted(eventId, orderId, ago(Duration.ofMinutes(30)), customer);
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
    void sale_twoRoundTrips_aRedeliveryOne() {
        assertEquals(EVIDENCE_AND_WRITE, cost(referredSale("evt_1", "ord_1"), "recorded"));
        assertEquals(EVIDENCE, cost(referredSale("evt_1", "ord_1"), "duplicate"));
        assertEquals(2 * 2_000, netCommission());
    }

    @Test
    void renewal_ofAKnownCustomer_twoRoundTrips() {
        cost(referredSale("evt_1", "ord_1"), "recorded");
        assertEquals(EVIDENCE_AND_WRITE, cost(renewal("evt_2", "ord_2", "cus_ord_1"), "recorded"));
        assertEquals(EVIDENCE, cost(renewal("evt_2", "ord_2", "cus_ord_1"), "duplicate"));
        assertEquals(3 * 2_000, netCommission(), "the renewal stays Anna's");
    }

    @Test
    void refund_afterTheSale_twoRoundTrips_eachPartialRefund() {
        cost(referredSale("evt_1", "ord_1"), "recorded");
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r1", "ord_1", 2_500), "recorded"),
                "no read of the commission entry: the write checks it");
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r2", "ord_1", 2_500), "recorded"));
        assertEquals(EVIDENCE, cost(refund("evt_r2", "ord_1", 2_500), "duplicate"));
        assertEquals(2_000 + 1_000, netCommission(), "the warm-up's 20.00, and 20.00 less half of it");
    }

    @Test
    void refund_beforeTheSale_twoRoundTrips_andTheSaleTwo_endingAsInOrder() {
        assertEquals(EVIDENCE_AND_WRITE, cost(refund("evt_r1", "ord_1", 4_000), "recorded"));
        assertEquals(EVIDENCE_AND_WRITE, cost(referredSale("evt_1", "ord_1"), "recorded"));
        assertEquals(2_000 + 1_200, netCommission(), "20.00 less 40 % of it");
    }

    /**
     * The buyer's company domain is read with the evidence, not looked up on its own: a first sale of a company not
     * seen before costs two round trips like any other, and a domain another partner registered wins it.
     */
    @Test
    void sale_ofACompanyNotSeenBefore_twoRoundTrips_itsDealRegistrationReadWithTheEvidence() {
        Partner bruno = seed.activePartner("bruno@partner.example");
        seed.link(bruno, "bruno-blog", true);
        approvedDeal(bruno, "initech.example");
        cost(sale("evt_b", "ord_b", 10_000, "bob@example.org").replace("}}", "},\"ref\":\"bruno-blog\"}"),
                "recorded"); // Bruno in the partner cache

        // a sale after the registration (a registration is evidence from its approval on)
        String afterIt = ago(Duration.ofSeconds(-2));
        assertEquals(EVIDENCE_AND_WRITE, cost(sale("evt_1", "ord_1", 10_000, "peter@initech.example")
                .replaceAll("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"" + afterIt + "\"")
                .replace("}}", "},\"ref\":\"anna-news\"}"), "recorded"));
        assertEquals("DEAL", conversionAttribution("evt_1").get("path").s(), "Bruno's registration outranks the code");
        assertEquals(bruno.id().value(), conversionAttribution("evt_1").get("partnerId").s());

        assertEquals(EVIDENCE_AND_WRITE, cost(sale("evt_2", "ord_2", 10_000, "milton@globex.example")
                .replace("}}", "},\"ref\":\"anna-news\"}"), "recorded"), "a domain nobody registered");
        assertEquals(anna.id().value(), conversionAttribution("evt_2").get("partnerId").s());
    }

    /**
     * The one refund that costs more: its commission was approved early (or paid) since the sale, so the order's
     * copy of its due date no longer holds. The write's check refuses it and returns the entry, and the refund is
     * re-dated by it and written again: three round trips, no read of the entry. Due at once, as before.
     */
    @Test
    void refund_ofACommissionApprovedEarly_threeRoundTrips_andTheReversalIsDueAtOnce() {
        cost(referredSale("evt_1", "ord_1"), "recorded");
        DynamoDbCommissionLedger ledger = new DynamoDbCommissionLedger(table.client(), table.config());
        Commission sale = ledger.commissionsOf(anna.id(), PageRequest.first(10)).items().stream()
                .filter(entry -> "ord_1".equals(entry.orderId())).findFirst().orElseThrow();
        assertTrue(ledger.approveEarly(sale.approvedEarly(Instant.now().minus(Duration.ofMinutes(30)))));

        assertEquals(List.of("BatchGetItem", "TransactWriteItems", "TransactWriteItems"),
                cost(refund("evt_r1", "ord_1", 5_000), "recorded"));

        Commission reversal = ledger.commissionsOf(anna.id(), PageRequest.first(10)).items().stream()
                .filter(entry -> entry.kind() == CommissionKind.REVERSAL).findFirst().orElseThrow();
        assertFalse(reversal.payableOn().isAfter(Instant.now()), "due at once, as its approved commission");
        assertTrue(sale.payableOn().isAfter(Instant.now()), "the order's copy says in its holding period");
        assertEquals(2_000 + 1_000, netCommission());
    }
}

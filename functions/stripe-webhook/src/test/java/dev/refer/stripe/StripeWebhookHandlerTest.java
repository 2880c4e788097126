package dev.refer.stripe;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.coupon.DynamoDbPromotionCodes;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.refer.stripe.StripeDeliveries.checkoutPayment;
import static dev.refer.stripe.StripeDeliveries.checkoutSubscription;
import static dev.refer.stripe.StripeDeliveries.event;
import static dev.refer.stripe.StripeDeliveries.invoice;
import static dev.refer.stripe.StripeDeliveries.now;
import static dev.refer.stripe.StripeDeliveries.refundedCharge;
import static dev.refer.stripe.StripeDeliveries.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Stripe webhook as Lambda runs it, against DynamoDB Local, its secret in Secrets Manager (moto). */
class StripeWebhookHandlerTest {

    private static SecretsInMoto secrets;
    private TestTable table;
    private ProgramFixture seed;
    private Partner anna;
    private String secretName;
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
        secretName = secrets.create(StripeDeliveries.SECRET);
        handler = newHandler();
    }

    private StripeWebhookHandler newHandler() {
        Map<String, String> env = new HashMap<>(table.environment());
        env.putAll(secrets.environment(secretName));
        return new StripeWebhookHandler(env);
    }

    private ApiResponse deliver(String body) {
        return signed(body).invoke(handler);
    }

    private static String checkout(String eventId, String sessionId, long amount, String clientReference) {
        return event(eventId, "checkout.session.completed", now(), checkoutPayment(sessionId, "pi_" + sessionId,
                amount, "eur", "cus_" + sessionId, "ada@acme.example", clientReference, null));
    }

    private long netCommission() {
        return table.items().stream().filter(item -> "COMMISSION".equals(item.get("type").s()))
                .mapToLong(item -> Long.parseLong(item.get("amount").n())).sum();
    }

    // ---- the three events ----------------------------------------------------------------------------------

    @Test
    void checkoutSessionCompleted_aOneOffPayment_isASale_attributedByTheClientReferenceCode() {
        ApiResponse response = deliver(checkout("evt_1", "cs_1", 10_000, "anna-news"));
        assertEquals(200, response.status(), response.body());
        assertEquals("recorded", response.jsonBody().get("status"));
        assertEquals(true, response.jsonBody().get("attributed"));
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(2_000, netCommission(), "20 % of 100.00 EUR");
        Map<String, AttributeValue> order = table.item(TableKeys.order(table.config().programId().value(),
                "pi_cs_1").pk(), "ORDER");
        assertEquals("10000", order.get("amount").n(), "the order is the payment intent a refund names");
    }

    @Test
    void clientReferenceId_aClickId_attributesByTheClick() {
        ClickId click = new ClickId(new UlidGenerator(Clock.systemUTC()).newId());
        new DynamoDbClickRepository(table.client(), table.config()).record(new Click(click,
                new LinkCode("anna-news"), anna.id(), "newsletter", Instant.now().minusSeconds(600),
                Instant.now().plus(Duration.ofDays(90))));
        assertEquals(200, deliver(checkout("evt_1", "cs_1", 10_000, click.value())).status());
        Map<String, AttributeValue> conversion = conversion("cs_1");
        assertEquals("CLICK", conversion.get("attribution").m().get("path").s());
        assertEquals(click.value(), conversion.get("attribution").m().get("clickId").s());
    }

    @Test
    void metadataRef_onTheSession_attributes_andAForeignClientReferenceIsNoEvidence() {
        String session = checkoutPayment("cs_1", "pi_1", 10_000, "eur", "cus_1", "ada@acme.example",
                "order-4711 <script>alert(1)</script>", null).replace("\"metadata\":{}",
                "\"metadata\":{\"ref\":\"anna-news\",\"internal\":\"x\"}");
        assertEquals(200, deliver(event("evt_1", "checkout.session.completed", now(), session)).status());
        assertEquals(anna.id().value(), conversion("cs_1").get("attribution").m().get("partnerId").s());

        ApiResponse organic = deliver(checkout("evt_2", "cs_2", 5_000, "<script>alert(1)</script>"));
        assertEquals(200, organic.status(), organic.body());
        assertEquals(false, organic.jsonBody().get("attributed"));
    }

    @Test
    void invoicePaid_theFirstIsTheSale_laterOnesAreRenewals() {
        String first = event("evt_i1", "invoice.paid", now() - 3_600, invoice("in_1", "sub_1",
                "subscription_create", 10_000, "cus_1", "ada@acme.example", "{\"ref\":\"anna-news\"}"));
        ApiResponse sale = deliver(first);
        assertEquals(200, sale.status(), sale.body());
        assertEquals("sale", sale.jsonBody().get("kind"));

        ApiResponse renewal = deliver(event("evt_i2", "invoice.paid", now(), invoice("in_2", "sub_1",
                "subscription_cycle", 10_000, "cus_1", "ada@acme.example", "{}")));
        assertEquals(200, renewal.status(), renewal.body());
        assertEquals("renewal", renewal.jsonBody().get("kind"));
        assertEquals(anna.id().value(), conversion("in_2").get("attribution").m().get("partnerId").s(),
                "the customer stays Anna's");
        assertEquals(4_000, netCommission());
    }

    @Test
    void chargeRefunded_eachDeliveryRefundsTheDifferenceOfTheCumulativeTotal() {
        deliver(checkout("evt_1", "cs_1", 10_000, "anna-news"));
        assertEquals(200, deliver(event("evt_r1", "charge.refunded", now(), refundedCharge("ch_1", null, "pi_cs_1",
                10_000, 3_000, "eur"))).status());
        ApiResponse second = deliver(event("evt_r2", "charge.refunded", now(), refundedCharge("ch_1", null,
                "pi_cs_1", 10_000, 5_000, "eur")));
        assertEquals(200, second.status(), second.body());
        assertEquals(5_000, refunded("pi_cs_1"));
        assertEquals(1_000, netCommission(), "20.00 less half of it");
        // the older state arriving late, and redeliveries, change nothing
        assertEquals("duplicate", deliver(event("evt_r1", "charge.refunded", now(), refundedCharge("ch_1", null,
                "pi_cs_1", 10_000, 3_000, "eur"))).jsonBody().get("status"));
        assertEquals(5_000, refunded("pi_cs_1"));
        assertEquals(1_000, netCommission());
    }

    // ---- exactly once, out of order ------------------------------------------------------------------------

    @Test
    void eachStripeEvent_isProcessedOnce_redeliveriesAnswer200AndChangeNothing() {
        String body = checkout("evt_1", "cs_1", 10_000, "anna-news");
        assertEquals("recorded", deliver(body).jsonBody().get("status"));
        for (int i = 0; i < 3; i++) {
            ApiResponse again = deliver(body);
            assertEquals(200, again.status());
            assertEquals("duplicate", again.jsonBody().get("status"));
        }
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(2_000, netCommission());
    }

    @Test
    void aRefundBeforeItsInvoice_endsInTheSameLedgerAsInOrder() {
        String invoice = event("evt_i1", "invoice.paid", now() - 3_600, invoice("in_1", "sub_1",
                "subscription_create", 10_000, "cus_1", "ada@acme.example", "{\"ref\":\"anna-news\"}"));
        String refund = event("evt_r1", "charge.refunded", now(), refundedCharge("ch_1", "in_1", "pi_in_1", 10_000,
                4_000, "eur"));

        assertEquals(200, deliver(invoice).status());
        assertEquals(200, deliver(refund).status());
        Map<String, Long> inOrder = ledger();

        setUp();
        ApiResponse early = deliver(refund);
        assertEquals(200, early.status(), early.body());
        assertEquals(200, deliver(invoice).status());
        assertEquals(inOrder, ledger());
        assertEquals(4_000, refunded("in_1"));
        assertEquals(1_200, netCommission(), "20.00 less 40 % of it");
    }

    @Test
    void anInvoiceBeforeItsCheckoutSession_waits_andEndsInTheSameLedgerAsInOrder() {
        String session = event("evt_s", "checkout.session.completed", now(), checkoutSubscription("cs_1", "in_1",
                "sub_1", 10_000, "cus_1", "ada@acme.example", "anna-news"));
        String invoice = event("evt_i", "invoice.paid", now(), invoice("in_1", "sub_1", "subscription_create",
                10_000, "cus_1", "ada@acme.example", null));

        assertEquals("recorded", deliver(session).jsonBody().get("status"));
        assertEquals("duplicate", deliver(invoice).jsonBody().get("status"));
        Map<String, Long> inOrder = ledger();
        assertEquals(2_000, netCommission(), "Anna's, by the session's client_reference_id");

        setUp();
        ApiResponse waiting = deliver(invoice);
        assertEquals(503, waiting.status(), waiting.body());
        assertEquals("application/problem+json", waiting.header("content-type"));
        assertTrue(Integer.parseInt(waiting.header("retry-after")) > 0);
        assertEquals(0, table.count("CONVERSION"), "nothing stored while it waits");
        assertEquals("recorded", deliver(session).jsonBody().get("status"));
        assertEquals("duplicate", deliver(invoice).jsonBody().get("status"), "Stripe's retry");
        assertEquals(inOrder, ledger());
    }

    @Test
    void aFirstInvoiceWithoutCheckout_isRecordedOnItsOwnOnceTheGraceHasPassed() {
        String invoice = event("evt_i", "invoice.paid", now() - 11 * 60, invoice("in_1", "sub_1",
                "subscription_create", 10_000, "cus_1", "ada@acme.example", "{\"ref\":\"anna-news\"}"));
        ApiResponse response = deliver(invoice);
        assertEquals(200, response.status(), response.body());
        assertEquals("recorded", response.jsonBody().get("status"));
        assertEquals(2_000, netCommission(), "by the subscription's metadata.ref");
    }

    // ---- cost ---------------------------------------------------------------------------------------------------

    /** Counts the DynamoDB calls a handler makes (the benchmark's stripe section replays them raw). */
    static final class CallCounter implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        final List<String> operations = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void afterExecution(software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                                   software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(
                    software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @Test
    void aSaleOrARefund_costsAtMostTwoDynamoDbRoundTrips_onceTheCachesAreWarm() {
        CallCounter counter = new CallCounter();
        Map<String, String> env = new HashMap<>(table.environment());
        env.putAll(secrets.environment(secretName));
        StripeWebhookHandler counted = StripeWebhookWiring.handler(env,
                dev.refer.dynamodb.DynamoDbClients.create(env, List.of(counter)));
        assertEquals(200, signed(checkout("evt_0", "cs_0", 10_000, "anna-news")).invoke(counted).status());
        for (String n : List.of("1", "2", "3")) {
            counter.operations.clear();
            assertEquals(200, signed(checkout("evt_" + n, "cs_" + n, 10_000, "anna-news")).invoke(counted).status());
            assertEquals(List.of("BatchGetItem", "TransactWriteItems"), counter.operations, "a sale");
        }
        counter.operations.clear();
        assertEquals(200, signed(event("evt_r", "charge.refunded", now(), refundedCharge("ch_1", null, "pi_cs_1",
                10_000, 1_000, "eur"))).invoke(counted).status());
        assertEquals(List.of("BatchGetItem", "TransactWriteItems"), counter.operations,
                "a refund: its evidence and its write, which checks the commission entry instead of reading it");
        counter.operations.clear();
        assertEquals("duplicate", signed(checkout("evt_1", "cs_1", 10_000, "anna-news")).invoke(counted).jsonBody()
                .get("status"));
        assertEquals(List.of("BatchGetItem"), counter.operations, "a redelivery reads and writes nothing");
    }

    // ---- money --------------------------------------------------------------------------------------------------

    @Test
    void zeroDecimalCurrency_JPY_amountsAreWholeYen() {
        new DynamoDbProgramRepository(table.client(), table.config()).save(new Program(table.config().programId(),
                java.util.Currency.getInstance("JPY"), 30, 30, new CommissionPlan(new Reward.Percent(2000), null,
                null), List.of("example.com"), List.of("https://www.example.com"),
                Program.DEFAULT_MAX_EVENT_AGE_DAYS, PayoutSettings.DEFAULTS));
        handler = newHandler(); // the program is cached per environment
        String body = event("evt_1", "checkout.session.completed", now(), checkoutPayment("cs_1", "pi_1", 4_980,
                "jpy", "cus_1", "ada@acme.example", "anna-news", null));
        ApiResponse response = deliver(body);
        assertEquals(200, response.status(), response.body());
        Map<String, AttributeValue> commission = table.items().stream()
                .filter(item -> "COMMISSION".equals(item.get("type").s())).findFirst().orElseThrow();
        assertEquals("JPY", commission.get("currency").s());
        assertEquals("996", commission.get("amount").n(), "20 % of 4,980 yen");
        assertEquals(200, deliver(event("evt_r", "charge.refunded", now(), refundedCharge("ch_1", null, "pi_1",
                4_980, 1_000, "jpy"))).status());
        assertEquals(996 - 200, netCommission(), "1,000 of 4,980 yen refunded: 200 yen of commission back");
    }

    @Test
    void anotherCurrencyThanTheProgramsIsRefused_422_nothingStored() {
        String body = event("evt_1", "checkout.session.completed", now(), checkoutPayment("cs_1", "pi_1", 10_000,
                "usd", "cus_1", "ada@acme.example", "anna-news", null));
        ApiResponse response = deliver(body);
        assertEquals(422, response.status(), response.body());
        assertEquals(0, table.count("CONVERSION"));
    }

    // ---- referral codes as coupons -----------------------------------------------------------------------------

    @Test
    void aPartnersPromotionCode_attributesTheSale_overTheClientReference() {
        Partner bruno = seed.activePartner("bruno@partner.example");
        seed.link(bruno, "bruno-blog", true);
        new DynamoDbPromotionCodes(table.client(), table.config()).tie(new PromotionCode("promo_1Anna",
                new LinkCode("anna-news"), anna.id(), Instant.now()));
        String session = checkoutPayment("cs_1", "pi_1", 10_000, "eur", "cus_1", "ada@acme.example", "bruno-blog",
                "\"discounts\":[{\"coupon\":\"SPRING\",\"promotion_code\":\"promo_1Anna\"}]");
        ApiResponse response = deliver(event("evt_1", "checkout.session.completed", now(), session));
        assertEquals(200, response.status(), response.body());
        Map<String, AttributeValue> attribution = conversion("cs_1").get("attribution").m();
        assertEquals(anna.id().value(), attribution.get("partnerId").s());
        assertEquals("COUPON", attribution.get("path").s());
        assertEquals("anna-news", attribution.get("code").s());
    }

    @Test
    void anUntiedPromotionCode_isNoEvidence() {
        String session = checkoutPayment("cs_1", "pi_1", 10_000, "eur", "cus_1", "ada@acme.example", null,
                "\"discounts\":[{\"promotion_code\":{\"id\":\"promo_unknown\",\"object\":\"promotion_code\"}}]");
        ApiResponse response = deliver(event("evt_1", "checkout.session.completed", now(), session));
        assertEquals(200, response.status(), response.body());
        assertEquals(false, response.jsonBody().get("attributed"));
    }

    // ---- everything else ---------------------------------------------------------------------------------------

    @Test
    void everyOtherEventType_isAnswered200AndIgnored_nothingStored() {
        int before = table.items().size();
        for (String type : List.of("customer.created", "payment_intent.succeeded", "invoice.created",
                "customer.subscription.created", "charge.succeeded", "checkout.session.expired")) {
            ApiResponse response = deliver(event("evt_" + type, type, now(), "{\"id\":\"x_1\",\"object\":\"x\"}"));
            assertEquals(200, response.status(), type + ": " + response.body());
            assertEquals("ignored", response.jsonBody().get("status"));
        }
        // handled types that record nothing: an unpaid session, an invoice outside a subscription, nothing refunded
        String unpaid = checkoutPayment("cs_1", "pi_1", 10_000, "eur", "cus_1", "ada@acme.example", null, null)
                .replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
        assertEquals("ignored", deliver(event("evt_u", "checkout.session.completed", now(), unpaid)).jsonBody()
                .get("status"));
        String manual = invoice("in_9", "sub_9", "manual", 10_000, "cus_1", "ada@acme.example", null)
                .replace("\"subscription\":\"sub_9\"", "\"subscription\":null");
        assertEquals("ignored", deliver(event("evt_m", "invoice.paid", now(), manual)).jsonBody().get("status"));
        assertEquals(before, table.items().size());
    }

    @Test
    void badSignatures_areRefused400ProblemJson_nothingStored() {
        String body = checkout("evt_1", "cs_1", 10_000, "anna-news");
        long now = now();
        List<String> headers = new ArrayList<>(List.of(
                StripeDeliveries.header(StripeDeliveries.newSecret(), now, body),
                StripeDeliveries.header(StripeDeliveries.SECRET, now - 301, body),
                StripeDeliveries.header(StripeDeliveries.SECRET, now, body + " "),
                "t=" + now, "v1=" + "0".repeat(64), "<script>alert(1)</script>"));
        for (String header : headers) {
            ApiResponse response = StripeDeliveries.delivery(body, header).invoke(handler);
            assertEquals(400, response.status(), header);
            assertEquals("application/problem+json", response.header("content-type"));
            assertTrue(response.body().contains("invalid-signature"), response.body());
        }
        assertEquals(400, StripeDeliveries.delivery(body, null).invoke(handler).status(), "no header");
        assertEquals(0, table.count("CONVERSION"));
    }

    @Test
    void badBodies_areRefused4xxProblemJson_namingTheField_nothingStored() {
        assertField(event("evt_1", "checkout.session.completed", now(), checkoutPayment("cs_1", "pi_1", 10_000,
                "eur", "cus_1", "a@b.example", null, null).replace("\"amount_total\":10000", "\"amount_total\":\"1\"")),
                "data.object.amount_total");
        assertField(event("evt_1", "charge.refunded", now(), "{\"id\":\"ch_1\",\"amount_refunded\":10.5}"),
                "data.object.amount_refunded");
        assertField(event("evt_1", "checkout.session.completed", now(), checkoutPayment("cs_1", "pi_1", 10_000,
                "zzz", "cus_1", "a@b.example", null, null)), "data.object.currency");
        assertField("{\"type\":\"invoice.paid\"}", "id");
        assertField("{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1}", "data.object");
        for (String malformed : List.of("", "null", "[]", "{\"id\":", "\"evt\"")) {
            ApiResponse response = signed(malformed).invoke(handler);
            assertEquals(400, response.status(), malformed + ": " + response.body());
            assertEquals("application/problem+json", response.header("content-type"));
        }
        ApiResponse form = StripeDeliveries.delivery("a=b", StripeDeliveries.header(StripeDeliveries.SECRET, now(),
                "a=b")).body("application/x-www-form-urlencoded", "a=b").invoke(handler);
        assertEquals(415, form.status());
        String huge = "{\"pad\":\"" + "x".repeat(StripeWebhookHandler.MAX_BODY_BYTES) + "\"}";
        assertEquals(413, signed(huge).invoke(handler).status());
        assertEquals(0, table.count("CONVERSION"));
    }

    private void assertField(String body, String field) {
        ApiResponse response = signed(body).invoke(handler);
        assertEquals(400, response.status(), body + " -> " + response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertTrue(response.body().contains("\"" + field + "\""), field + " in " + response.body());
    }

    @Test
    void aSecretRoll_theNewAndThePreviousSecretVerify_notAnyOther() {
        String rolled = StripeDeliveries.newSecret();
        secrets.rotate(secretName, rolled);
        StripeWebhookHandler restored = newHandler();
        String first = checkout("evt_1", "cs_1", 100, "anna-news");
        String second = checkout("evt_2", "cs_2", 100, "anna-news");
        String third = checkout("evt_3", "cs_3", 100, "anna-news");
        assertEquals(200, StripeDeliveries.delivery(first, StripeDeliveries.header(rolled, now(), first))
                .invoke(restored).status());
        assertEquals(200, StripeDeliveries.delivery(second, StripeDeliveries.header(StripeDeliveries.SECRET, now(),
                second)).invoke(restored).status());
        assertEquals(400, StripeDeliveries.delivery(third, StripeDeliveries.header(StripeDeliveries.newSecret(),
                now(), third)).invoke(restored).status());
        assertEquals(2, table.count("CONVERSION"));
    }

    // ---- reading the table ---------------------------------------------------------------------------------------

    private Map<String, AttributeValue> conversion(String eventId) {
        var key = TableKeys.conversion(table.config().programId().value(), eventId);
        Map<String, AttributeValue> item = table.item(key.pk(), key.sk());
        assertFalse(item == null || item.isEmpty(), "no conversion " + eventId);
        return item;
    }

    private long refunded(String orderId) {
        var key = TableKeys.order(table.config().programId().value(), orderId);
        return Long.parseLong(table.item(key.pk(), key.sk()).get("refunded").n());
    }

    /** The ledger by kind: each kind's entries' sum, and the conversions' and orders' count. */
    private Map<String, Long> ledger() {
        Map<String, Long> ledger = new TreeMap<>();
        for (Map<String, AttributeValue> item : table.items()) {
            String type = item.get("type").s();
            if (type.equals("COMMISSION")) {
                ledger.merge("commission:" + item.get("kind").s(), Long.parseLong(item.get("amount").n()),
                        Long::sum);
            } else if (type.equals("ORDER")) {
                ledger.merge("refunded:" + item.get("orderId").s(), Long.parseLong(item.get("refunded").n()),
                        Long::sum);
                ledger.merge("reversed:" + item.get("orderId").s(), item.containsKey("reversed")
                        ? Long.parseLong(item.get("reversed").n()) : 0, Long::sum);
            } else if (type.equals("CUSTOMER")) {
                AttributeValue partner = item.get("partnerId");
                String who = partner == null ? "organic" : partner.s().equals(anna.id().value()) ? "anna" : "other";
                ledger.merge("customer:" + item.get("externalId").s() + ":" + who, 1L, Long::sum);
            }
        }
        assertNull(ledger.get("missing"));
        return ledger;
    }
}

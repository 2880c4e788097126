package dev.refer.webhook;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.secrets.SecretsInMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.refer.webhook.SignedDelivery.refund;
import static dev.refer.webhook.SignedDelivery.sale;
import static dev.refer.webhook.SignedDelivery.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook as Lambda runs it, against DynamoDB Local. */
class ConversionWebhookHandlerTest {

    private static SecretsInMoto secrets;
    private TestTable table;
    private String secretName;
    private ConversionWebhookHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
        secrets = new SecretsInMoto("WEBHOOK_SECRET_ID");
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        ProgramFixture seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        Partner anna = seed.activePartner("anna@partner.example");
        seed.link(anna, "anna-news", true);
        secretName = secrets.create(SignedDelivery.SECRET);
        handler = newHandler();
    }

    private ConversionWebhookHandler newHandler() {
        Map<String, String> env = new HashMap<>(table.environment());
        env.putAll(secrets.environment(secretName));
        return new ConversionWebhookHandler(env);
    }

    @Test
    void secretRotation_acceptsTheNewAndThePreviousSecret_notAnyOther() {
        String rotated = SignedDelivery.newSecret();
        secrets.rotate(secretName, rotated);
        ConversionWebhookHandler restored = newHandler(); // reads the secret at init, as after a SnapStart restore
        long now = System.currentTimeMillis() / 1000;

        assertEquals(200, SignedDelivery.signedAt(saleWithRef("evt_new", "inv_1", 100), now, rotated)
                .invoke(restored).status(), "the new secret");
        assertEquals(200, SignedDelivery.signedAt(saleWithRef("evt_old", "inv_2", 100), now, SignedDelivery.SECRET)
                .invoke(restored).status(), "the previous secret, during the rotation");
        assertEquals(401, SignedDelivery.signedAt(saleWithRef("evt_x", "inv_3", 100), now,
                SignedDelivery.newSecret()).invoke(restored).status());
        assertEquals(2, table.count("CONVERSION"));
    }

    @Test
    void aSecretAsTheStackGeneratesIt_verifiesDeliveriesSignedWithWhsecAndIt() {
        // template.yaml's WebhookSecret: GenerateSecretString, 44 letters and digits (all base64 characters: 33 bytes)
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < 44; i++) {
            generated.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        secretName = secrets.create(generated.toString());
        ConversionWebhookHandler stackHandler = newHandler();
        long now = System.currentTimeMillis() / 1000;

        assertEquals(200, SignedDelivery.signedAt(saleWithRef("evt_gen", "inv_g", 100), now, "whsec_" + generated)
                .invoke(stackHandler).status(), "the sender signs with whsec_ and the generated string");
        assertEquals(401, SignedDelivery.signedAt(saleWithRef("evt_gen2", "inv_g2", 100), now,
                SignedDelivery.SECRET).invoke(stackHandler).status());
        assertEquals(1, table.count("CONVERSION"));
    }

    @Test
    void sale_fromTheFutureOrOlderThanTheProgramAllows_isA400NamingOccurredAt() {
        String future = saleWithRef("evt_1", "inv_1", 100).replaceAll("\"occurredAt\":\"[^\"]+\"",
                "\"occurredAt\":\"" + java.time.Instant.now().plusSeconds(3600).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS) + "\"");
        String old = saleWithRef("evt_2", "inv_2", 100).replaceAll("\"occurredAt\":\"[^\"]+\"",
                "\"occurredAt\":\"" + SignedDelivery.ago(java.time.Duration.ofDays(40)) + "\"");
        for (String body : List.of(future, old)) {
            ApiResponse response = signed(body).invoke(handler);
            assertEquals(400, response.status(), response.body());
            assertTrue(response.body().contains("\"field\":\"occurredAt\""), response.body());
        }
        assertEquals(0, table.count("CONVERSION"));
    }

    @Test
    void sale_inACurrencyOtherThanTheProgramsOwn_isA422AndStoresNothing() {
        ApiResponse response = signed(saleWithRef("evt_1", "inv_1", 100).replace("\"EUR\"", "\"USD\""))
                .invoke(handler);
        assertEquals(422, response.status(), response.body());
        assertTrue(response.body().contains("\"field\":\"currency\""), response.body());
        assertEquals(0, table.count("CONVERSION"));
    }

    @Test
    void fullRefundBeforeItsSale_leavesNothingPayable() {
        signed(refund("evt_r", "inv_1", 10_000)).invoke(handler);
        ApiResponse sale = signed(saleWithRef("evt_s", "inv_1", 10_000)).invoke(handler);
        assertEquals(200, sale.status(), sale.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) sale.jsonBody().get("entries");
        assertEquals(0, entries.stream().mapToLong(e -> ((Number) e.get("minor")).longValue()).sum(),
                sale.body());
    }

    private String saleWithRef(String eventId, String orderId, long amount) {
        return sale(eventId, orderId, amount, "ada@acme.example").replace("}}", "},\"ref\":\"anna-news\"}");
    }

    @Test
    void sale_onADomainWithAnApprovedDealRegistration_isTheRegisteringPartners_overTheEventsCode() {
        Partner bruno = new ProgramFixture(table.client(), table.config()).activePartner("bruno@partner.example");
        var registry = new dev.refer.dynamodb.deal.DynamoDbDealRegistry(table.client(), table.config());
        // registered and approved before the sale occurred (an hour ago)
        java.time.Clock before = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-2));
        var registered = (dev.refer.core.deal.RegisterDeal.Result.Registered) new dev.refer.core.deal.RegisterDeal(
                registry, registry, new dev.refer.dynamodb.partner.DynamoDbPartnerRepository(table.client(),
                table.config()), new dev.refer.core.basics.ids.UlidGenerator(before), before).register(
                new dev.refer.core.deal.RegisterDeal.Command(bruno.id(), "Acme", "acme.example", null, null, null));
        new dev.refer.core.deal.ReviewDeal(registry, registry, before).approve(registered.deal().id());

        ApiResponse response = signed(saleWithRef("evt_deal", "inv_deal", 10_000)).invoke(handler);
        assertEquals(200, response.status(), response.body());
        var conversion = table.item("CONVERSION#test#evt_deal", "CONVERSION");
        assertEquals(bruno.id().value(), conversion.get("attribution").m().get("partnerId").s());
        assertEquals("DEAL", conversion.get("attribution").m().get("path").s());
        assertEquals(bruno.id().value(), table.item("CUSTOMER#test#cus_inv_deal", "CUSTOMER").get("partnerId").s());
    }

    @Test
    void sale_whenSignedAndAttributed_recordsTheCommissionOnce() {
        ApiResponse first = signed(saleWithRef("evt_1", "inv_1", 12_345)).invoke(handler);
        assertEquals(200, first.status(), first.body());
        assertEquals("recorded", first.jsonBody().get("status"));
        assertEquals(2469, ((Number) first.jsonBody().get("commissionMinor")).intValue());

        ApiResponse again = signed(saleWithRef("evt_1", "inv_1", 12_345)).invoke(handler);
        assertEquals(200, again.status());
        assertEquals("duplicate", again.jsonBody().get("status"));
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(1, table.count("COMMISSION"));
    }

    @Test
    void refund_whenPartial_appendsANegativeEntryAndRefusesMoreThanWasSold() {
        signed(saleWithRef("evt_1", "inv_1", 10_000)).invoke(handler);
        ApiResponse partial = signed(refund("evt_2", "inv_1", 2_500)).invoke(handler);
        assertEquals(-500, ((Number) partial.jsonBody().get("commissionMinor")).intValue(), partial.body());
        ApiResponse tooMuch = signed(refund("evt_3", "inv_1", 7_501)).invoke(handler);
        assertEquals(422, tooMuch.status());
        assertEquals("application/problem+json", tooMuch.header("content-type"));
        assertEquals(2, table.count("CONVERSION"));
        assertEquals(2, table.count("COMMISSION"));
    }

    @Test
    void sale_whenTheOrderWasSoldUnderAnotherEvent_answers409() {
        signed(saleWithRef("evt_1", "inv_1", 10_000)).invoke(handler);
        ApiResponse response = signed(saleWithRef("evt_2", "inv_1", 10_000)).invoke(handler);
        assertEquals(409, response.status());
        assertEquals(1, table.count("CONVERSION"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no signature headers | none",
            "wrong secret        | wrong-secret",
            "tampered body       | tampered",
            "timestamp too old   | old",
            "timestamp in future | future",
            "timestamp not a number | garbage-timestamp",
    })
    void delivery_whenNotAuthentic_answers401AndStoresNothing(String label, String variant) {
        String body = saleWithRef("evt_1", "inv_1", 10_000);
        long now = System.currentTimeMillis() / 1000;
        ApiEvent event = switch (variant) {
            case "none" -> signed(body).header("webhook-id", null).header("webhook-signature", null)
                    .header("webhook-timestamp", null);
            case "wrong-secret" -> SignedDelivery.signedAt(body, now, SignedDelivery.newSecret());
            case "tampered" -> signed(body).body("application/json", body.replace("10000", "99999"));
            case "old" -> SignedDelivery.signedAt(body, now - 301, SignedDelivery.SECRET);
            case "future" -> SignedDelivery.signedAt(body, now + 301, SignedDelivery.SECRET);
            default -> signed(body).header("webhook-timestamp", "yesterday");
        };
        ApiResponse response = event.invoke(handler);
        assertEquals(401, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertEquals(0, table.count("CONVERSION"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON      | {\"id\": | ",
            "JSON null           | null | ",
            "an empty JSON array | [] | ",
            "a JSON string       | \"x\" | ",
            "a JSON number       | 1 | ",
            "a JSON boolean      | true | ",
            "missing id          | {\"type\":\"sale\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:00:00Z\"} | id",
            "unknown type        | {\"id\":\"e\",\"type\":\"gift\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:00:00Z\"} | type",
            "decimal amount      | {\"id\":\"e\",\"type\":\"sale\",\"orderId\":\"o\",\"amount\":1.5,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:00:00Z\"} | amount",
            "negative amount     | {\"id\":\"e\",\"type\":\"sale\",\"orderId\":\"o\",\"amount\":-5,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:00:00Z\"} | amount",
            "unknown currency    | {\"id\":\"e\",\"type\":\"sale\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"XXY\",\"occurredAt\":\"2026-11-23T10:00:00Z\"} | currency",
            "bad time            | {\"id\":\"e\",\"type\":\"sale\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\",\"occurredAt\":\"yesterday\"} | occurredAt",
            "bad customer email  | {\"id\":\"e\",\"type\":\"sale\",\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:00:00Z\",\"customer\":{\"email\":\"nope\"}} | customer.email",
    })
    void delivery_whenAuthenticButInvalid_answers400NamingTheFieldAndStoresNothing(String label, String body,
                                                                                  String field) {
        ApiResponse response = signed(body).invoke(handler);
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        if (field != null) {
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), response.body());
        }
        assertEquals(0, table.count("CONVERSION"));
    }

    @Test
    void delivery_whenNotJson_answers415() {
        ApiResponse response = signed("id=1").header("content-type", "application/x-www-form-urlencoded")
                .invoke(handler);
        assertEquals(415, response.status());
        assertEquals(0, table.count("CONVERSION"));
    }

    @Test
    void delivery_whenSentEightTimesConcurrently_isRecordedOnce() throws Exception {
        ApiEvent delivery = signed(saleWithRef("evt_1", "inv_1", 10_000));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> delivery.invoke(handler));
        }
        int recorded = 0;
        for (Future<ApiResponse> future : pool.invokeAll(calls)) {
            ApiResponse response = future.get();
            assertEquals(200, response.status(), response.body());
            if ("recorded".equals(response.jsonBody().get("status"))) {
                recorded++;
            }
        }
        pool.shutdown();
        assertEquals(1, recorded);
        assertEquals(1, table.count("CONVERSION"));
        assertEquals(1, table.count("COMMISSION"));
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

package dev.refer.portal.payoutdetails;

import dev.refer.core.mail.Letter;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.PayoutDetailsChangedLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.payoutdetails.ChangePayoutDetails;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payoutdetails.DynamoDbPayoutDetails;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.portal.deals.PartnerRoutesHarness;
import dev.refer.sealing.JweSealer;
import dev.refer.sealing.SealingKeys;
import dev.refer.table.TableKeys;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.web.PortalSession;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner's payout details page and API on DynamoDB Local, sealed with JWE as on AWS. */
class PayoutDetailsRoutesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String IBAN = "DE89370400440532013000";
    private static final String SCRIPT = "<script>alert(1)</script>";

    private final TestTable table = TestTable.create();
    private final ProgramFixture fixture = new ProgramFixture(table.client(), table.config());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final Partner anna = fixture.activePartner("anna@partner.example");
    private final Partner bruno = fixture.activePartner("bruno@partner.example");
    private final PortalSession annas = new PortalSession(anna.id(), "session-a", "csrf-a");
    private final PortalSession brunos = new PortalSession(bruno.id(), "session-b", "csrf-b");
    private final List<Letter> sent = new ArrayList<>();
    private final Mailer mailer = letter -> {
        sent.add(letter);
        return "message-" + sent.size();
    };
    private final DynamoDbPayoutDetails book = new DynamoDbPayoutDetails(table.client(), table.config(),
            new JweSealer(new SealingKeys(() -> new LinkedHashMap<>(Map.of("v1",
                    "0123456789abcdef0123456789abcdef-test-secret")))));
    private final PartnerRoutesHarness portal = new PartnerRoutesHarness(new PayoutDetailsRoutes(
            new ChangePayoutDetails(table.config().programId(), new DynamoDbProgramRepository(table.client(),
                    table.config()), new DynamoDbPartnerRepository(table.client(), table.config()), book,
                    new SendOnce(new DynamoDbMailLog(table.client(), table.config()), mailer, clock), clock), book),
            annas);

    PayoutDetailsRoutesTest() {
        fixture.program();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private ApiEvent.ApiResponse postForm(Map<String, String> fields) {
        return portal.post("POST /portal/payout-details", "/portal/payout-details", FORM, form(fields));
    }

    private ApiEvent.ApiResponse put(String json) {
        return portal.post("PUT /portal/api/payout-details", "/portal/api/payout-details", JSON, json);
    }

    private ApiEvent.ApiResponse page() {
        return portal.get("GET /portal/payout-details", "/portal/payout-details", Map.of(), Map.of());
    }

    @Test
    void aBankAccountByForm_isSavedSealed_shownMasked_andToldByEmailOnce() {
        assertTrue(page().body().contains("You have not set your payout details yet"));
        assertTrue(page().body().contains("name=\"csrf\" value=\"csrf-a\""));

        ApiEvent.ApiResponse posted = postForm(Map.of("csrf", "csrf-a", "method", "bank_transfer", "holder",
                "Anna Partner", "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/portal/payout-details?saved=1", posted.header("location"));

        String shown = page().body();
        assertTrue(shown.contains("DE89 **** **** **** **** 00"), shown);
        assertFalse(shown.contains(IBAN) || shown.contains("3704 0044"), "never shown in full again");

        String raw = table.item(TableKeys.payoutDetails(anna.id().value()).pk(), "PAYOUT_DETAILS").toString();
        assertFalse(raw.contains(IBAN), "the stored item holds no plain IBAN");
        assertFalse(raw.contains("COBADEFF"));

        PayoutDetailsChangedLetter letter = assertInstanceOf(PayoutDetailsChangedLetter.class, sent.getFirst());
        assertEquals(anna.email(), letter.to());
        assertEquals("DE89 **** **** **** **** 00", letter.masked());

        postForm(Map.of("csrf", "csrf-a", "method", "bank_transfer", "holder", "Anna Partner", "iban", IBAN, "bic",
                "COBADEFFXXX"));
        assertEquals(1, sent.size(), "the same details again send nothing");
    }

    @Test
    void theApi_setsPayPal_andAnswersMasked() {
        ApiEvent.ApiResponse putted = put("{\"method\":\"paypal\",\"paypalEmail\":\"jane.doe@example.com\"}");
        assertEquals(200, putted.status(), putted.body());
        assertEquals("paypal", putted.jsonBody().get("method"));
        assertEquals("j***@example.com", putted.jsonBody().get("masked"));
        assertFalse(putted.body().contains("jane.doe"));
        ApiEvent.ApiResponse got = portal.get("GET /portal/api/payout-details", "/portal/api/payout-details",
                Map.of(), Map.of());
        assertEquals("j***@example.com", got.jsonBody().get("masked"));
        assertEquals(1, sent.size());
    }

    @Test
    void idor_eachPartnerReadsAndWritesOnlyTheirOwn() {
        put("{\"method\":\"bank_transfer\",\"holder\":\"Anna\",\"iban\":\"" + IBAN + "\",\"bic\":\"COBADEFF\"}");
        portal.as(brunos);
        ApiEvent.ApiResponse brunosView = portal.get("GET /portal/api/payout-details", "/portal/api/payout-details",
                Map.of(), Map.of());
        assertEquals(200, brunosView.status());
        assertNull(brunosView.jsonBody().get("method"), "Bruno sees none of Anna's");
        assertFalse(page().body().contains("DE89"));
        put("{\"method\":\"paypal\",\"paypalEmail\":\"bruno@example.com\"}");
        assertEquals("bank_transfer", book.find(anna.id()).orElseThrow().details().method().wire(),
                "Bruno's change is his own");
    }

    @Test
    void badDetails_areRefusedBesideTheirFields_andNothingIsStoredOrSent() {
        ApiEvent.ApiResponse wrongChecksum = postForm(Map.of("csrf", "csrf-a", "method", "bank_transfer", "holder",
                "Anna", "iban", "DE88370400440532013000", "bic", "COBADEF"));
        assertEquals(400, wrongChecksum.status());
        assertTrue(wrongChecksum.body().contains("id=\"iban-error\""));
        assertTrue(wrongChecksum.body().contains("check digits"));
        assertTrue(wrongChecksum.body().contains("id=\"bic-error\""));

        ApiEvent.ApiResponse scripts = postForm(Map.of("csrf", "csrf-a", "method", SCRIPT, "holder", SCRIPT,
                "iban", SCRIPT, "bic", SCRIPT, "paypalEmail", SCRIPT));
        assertEquals(400, scripts.status());
        assertFalse(scripts.body().contains(SCRIPT), "every typed value is echoed as text");

        ApiEvent.ApiResponse badPaypal = put("{\"method\":\"paypal\",\"paypalEmail\":\"" + SCRIPT + "\"}");
        assertEquals(400, badPaypal.status());
        assertTrue(badPaypal.body().contains("paypalEmail"), badPaypal.body());
        ApiEvent.ApiResponse tooLong = put("{\"method\":\"bank_transfer\",\"holder\":\"" + "h".repeat(300)
                + "\",\"iban\":\"" + IBAN + "\",\"bic\":\"COBADEFF\"}");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("holder"));

        assertEquals(415, portal.post("POST /portal/payout-details", "/portal/payout-details", JSON, "{}").status());
        assertEquals(415, portal.post("PUT /portal/api/payout-details", "/portal/api/payout-details", FORM,
                "method=paypal").status());
        assertEquals(413, postForm(Map.of("csrf", "csrf-a", "method", "paypal", "holder", "h".repeat(5000)))
                .status());
        assertEquals(413, put("{\"method\":\"paypal\",\"holder\":\"" + "h".repeat(5000) + "\"}").status());
        assertEquals(400, portal.post("POST /portal/payout-details", "/portal/payout-details", FORM, "iban=%ZZ")
                .status());
        assertEquals(400, put("[1,2").status());

        assertEquals(0, table.count("PAYOUT_DETAILS"));
        assertTrue(sent.isEmpty());
    }

    @Test
    void theScriptInAValidHolder_isShownAsText() {
        assertEquals(303, postForm(Map.of("csrf", "csrf-a", "method", "bank_transfer", "holder", SCRIPT, "iban",
                IBAN, "bic", "COBADEFF")).status());
        String shown = page().body();
        assertFalse(shown.contains(SCRIPT));
        assertTrue(shown.contains("&lt;script&gt;"));
    }
}

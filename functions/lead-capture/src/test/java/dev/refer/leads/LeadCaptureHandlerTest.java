package dev.refer.leads;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lead capture as Lambda runs it, against DynamoDB Local; every refusal leaves the table without a lead. */
class LeadCaptureHandlerTest {

    private TestTable table;
    private LeadCaptureHandler handler;
    private Partner anna;
    private Partner bruno;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        ProgramFixture seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        anna = seed.activePartner("anna@partner.example");
        seed.link(anna, "anna-news", true);
        bruno = seed.activePartner("bruno@partner.example");
        seed.link(bruno, "bruno-blog", true);
        handler = new LeadCaptureHandler(table.environment());
    }

    private static ApiEvent postJson(String json) {
        return ApiEvent.fixture("form-post.json").body("application/json", json);
    }

    @Test
    void postJson_whenValid_accepts202AndStoresOneAttributedLead() {
        ApiResponse response = postJson("{\"email\":\"ada@acme.example\",\"name\":\"Ada\",\"ref\":\"anna-news\"}")
                .invoke(handler);
        assertEquals(202, response.status());
        assertEquals("https://www.example.com", response.header("access-control-allow-origin"));
        assertEquals(1, table.count("LEAD"));
        var pointer = table.item("LEAD_EMAIL#test#ada@acme.example", "LEAD_EMAIL");
        var lead = table.item("LEAD#" + pointer.get("leadId").s(), "LEAD");
        assertTrue(lead.toString().contains("anna-news"), lead.toString());
    }

    @Test
    void postForm_withoutJavaScript_getsTheThankYouPage() {
        ApiResponse response = ApiEvent.fixture("form-post.json").invoke(handler);
        assertEquals(200, response.status());
        assertTrue(response.body().contains("Thank you"));
        assertEquals(1, table.count("LEAD"));
    }

    @Test
    void postForm_withAnAllowedThankYouPage_isRedirected303() {
        ApiResponse response = ApiEvent.fixture("form-post.json").base64Body("application/x-www-form-urlencoded",
                "email=bob%40corp.example&ref=anna-news&website_url=&redirect_to=https%3A%2F%2Fwww.example.com%2Fthanks")
                .invoke(handler);
        assertEquals(303, response.status());
        assertEquals("https://www.example.com/thanks", response.header("location"));
    }

    @Test
    void post_whenSameEmailTwice_isOneLeadAndTheSameAnswer() {
        ApiResponse first = postJson("{\"email\":\"ada@acme.example\",\"ref\":\"anna-news\"}").invoke(handler);
        ApiResponse second = postJson("{\"email\":\"ADA@acme.example\",\"ref\":\"anna-news\"}").invoke(handler);
        assertEquals(first.status(), second.status());
        assertEquals(first.body(), second.body());
        assertEquals(1, table.count("LEAD"));
    }

    @Test
    void post_whenALaterLeadCarriesAClick_takesOverTheLeadSquattedWithACode_andAnswersTheSame() {
        ApiResponse squatted = postJson("{\"email\":\"ada@acme.example\",\"ref\":\"bruno-blog\"}").invoke(handler);
        ClickId rid = new ClickId(new UlidGenerator(java.time.Clock.systemUTC()).newId());
        new DynamoDbClickRepository(table.client(), table.config()).record(new Click(rid, new LinkCode("anna-news"),
                anna.id(), "newsletter", Instant.now(), Instant.now().plus(Duration.ofDays(90))));

        ApiResponse clicked = postJson("{\"email\":\"ada@acme.example\",\"rid\":\"" + rid.value() + "\"}")
                .invoke(handler);

        assertEquals(squatted.status(), clicked.status());
        assertEquals(squatted.body(), clicked.body(), "the answer tells a poster nothing about the lead");
        assertEquals(1, table.count("LEAD"));
        var pointer = table.item("LEAD_EMAIL#test#ada@acme.example", "LEAD_EMAIL");
        assertEquals(anna.id().value(), pointer.get("attribution").m().get("partnerId").s());
        var lead = table.item("LEAD#" + pointer.get("leadId").s(), "LEAD");
        assertEquals(anna.id().value(), lead.get("attribution").m().get("partnerId").s());
        assertEquals(2, lead.get("claims").l().size(), "the squatter's claim is kept as history");
    }

    @Test
    void post_onADomainWithAnApprovedDealRegistration_isTheRegisteringPartners_whateverCodeItCarries() {
        var registry = new dev.refer.dynamodb.deal.DynamoDbDealRegistry(table.client(), table.config());
        java.time.Clock clock = java.time.Clock.systemUTC();
        var registered = (dev.refer.core.deal.RegisterDeal.Result.Registered) new dev.refer.core.deal.RegisterDeal(
                registry, registry, new dev.refer.dynamodb.partner.DynamoDbPartnerRepository(table.client(),
                table.config()), new UlidGenerator(clock), clock).register(new dev.refer.core.deal.RegisterDeal.Command(
                anna.id(), "Acme", "acme.example", null, null, null));
        new dev.refer.core.deal.ReviewDeal(registry, registry, clock).approve(registered.deal().id());

        assertEquals(202, postJson("{\"email\":\"ada@acme.example\",\"ref\":\"bruno-blog\"}").invoke(handler)
                .status());
        var pointer = table.item("LEAD_EMAIL#test#ada@acme.example", "LEAD_EMAIL");
        assertEquals(anna.id().value(), pointer.get("attribution").m().get("partnerId").s());
        assertEquals("DEAL", pointer.get("attribution").m().get("path").s());

        assertEquals(202, postJson("{\"email\":\"eve@gmail.com\",\"ref\":\"bruno-blog\"}").invoke(handler)
                .status());
        assertEquals(bruno.id().value(), table.item("LEAD_EMAIL#test#eve@gmail.com", "LEAD_EMAIL")
                .get("attribution").m().get("partnerId").s(), "free mail is never a registered company");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON         | application/json | {\"email\": | 400 | ",
            "a JSON array           | application/json | [1,2] | 400 | ",
            "JSON null              | application/json | null | 400 | ",
            "an empty JSON array    | application/json | [] | 400 | ",
            "a JSON string          | application/json | \"x\" | 400 | ",
            "a JSON number          | application/json | 1 | 400 | ",
            "a JSON boolean         | application/json | true | 400 | ",
            "missing email          | application/json | {\"name\":\"Ada\"} | 400 | email",
            "invalid email          | application/json | {\"email\":\"not-an-email\"} | 400 | email",
            "email too long         | application/json | {\"email\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.example\"} | 400 | email",
            "name too long          | application/json | {\"email\":\"a@b.example\",\"name\":\"NAME201\"} | 400 | name",
            "honeypot filled        | application/json | {\"email\":\"a@b.example\",\"website_url\":\"http://spam\"} | 400 | website_url",
            "non-string field       | application/json | {\"email\":\"a@b.example\",\"name\":42} | 400 | name",
            "thank-you page elsewhere | application/json | {\"email\":\"a@b.example\",\"redirect_to\":\"https://evil.example/x\"} | 400 | redirect_to",
            "wrong content type     | text/plain       | email=a@b.example | 415 | ",
    })
    void post_whenInputIsBad_answersProblemJsonAndStoresNothing(String label, String type, String body, int status,
                                                                String field) {
        ApiResponse response = postJson(body.replace("NAME201", "n".repeat(201))).header("content-type", type)
                .invoke(handler);
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        if (field != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) response.jsonBody().get("errors");
            assertEquals(field, errors.get(0).get("field"), response.body());
        }
        assertEquals(0, table.count("LEAD"));
    }

    @Test
    void post_whenBodyIsTooLarge_answers413() {
        ApiResponse response = postJson("{\"email\":\"a@b.example\",\"message\":\"" + "x".repeat(20_000) + "\"}")
                .invoke(handler);
        assertEquals(413, response.status());
        assertEquals(0, table.count("LEAD"));
    }

    @Test
    void post_whenOriginIsNotAllowed_answers403WithoutCorsAndStoresNothing() {
        ApiResponse response = postJson("{\"email\":\"a@b.example\"}").header("origin", "https://evil.example")
                .invoke(handler);
        assertEquals(403, response.status());
        assertEquals(null, response.header("access-control-allow-origin"));
        assertEquals(0, table.count("LEAD"));
    }

    @Test
    void preflight_answersOnlyAllowedOrigins() {
        ApiEvent preflight = ApiEvent.fixture("form-post.json").route("OPTIONS /leads", "/leads", Map.of())
                .body("text/plain", "");
        ApiResponse allowed = preflight.invoke(handler);
        assertEquals(204, allowed.status());
        assertEquals("https://www.example.com", allowed.header("access-control-allow-origin"));
        assertEquals("POST", allowed.header("access-control-allow-methods"));
        ApiResponse refused = preflight.header("origin", "https://evil.example").invoke(handler);
        assertEquals(403, refused.status());
    }

    @Test
    void post_whenProgramIsNotConfigured_answers503AndStoresNothing() {
        TestTable empty = TestTable.create();
        ApiResponse response = postJson("{\"email\":\"a@b.example\"}").invoke(new LeadCaptureHandler(empty.environment()));
        assertEquals(503, response.status());
        assertEquals(0, empty.count("LEAD"));
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

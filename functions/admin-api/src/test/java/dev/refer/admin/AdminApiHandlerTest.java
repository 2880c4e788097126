package dev.refer.admin;

import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API as Lambda runs it (API Gateway has already checked IAM), against DynamoDB Local. */
class AdminApiHandlerTest {

    private TestTable table;
    private AdminApiHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        handler = new AdminApiHandler(table.environment());
    }

    private ApiResponse call(String routeKey, String path, Map<String, String> params, String json) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query("", Map.of());
        if (json != null) {
            event.body("application/json", json);
        }
        return event.invoke(handler);
    }

    private String createPartner(String email) {
        ApiResponse created = call("POST /admin/partners", "/admin/partners", Map.of(),
                "{\"name\":\"Anna\",\"email\":\"" + email + "\",\"company\":\"Anna Consulting\"}");
        assertEquals(201, created.status(), created.body());
        return (String) created.jsonBody().get("id");
    }

    private void configureProgram() {
        ApiResponse response = call("PUT /admin/program", "/admin/program", Map.of(), """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""");
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void program_roundTripsThroughPutAndGet() {
        assertEquals(503, call("GET /admin/program", "/admin/program", Map.of(), null).status());
        configureProgram();
        ApiResponse program = call("GET /admin/program", "/admin/program", Map.of(), null);
        assertEquals(200, program.status());
        assertEquals(Map.of("saleRateBps", 2000, "leadRewardMinor", 2500), program.jsonBody().get("plan"));
        assertEquals(25, program.jsonBody().get("maxLinksPerPartner"), "the portal's link limit, by default");
    }

    @Test
    void program_setsThePortalsLinkLimit_withinItsBounds() {
        String body = """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                 "maxLinksPerPartner":%s}""";
        assertEquals(200, call("PUT /admin/program", "/admin/program", Map.of(), body.formatted("10")).status());
        assertEquals(10, call("GET /admin/program", "/admin/program", Map.of(), null).jsonBody()
                .get("maxLinksPerPartner"));
        for (String bad : List.of("0", "101", "99999999999", "\"x\"")) {
            ApiResponse refused = call("PUT /admin/program", "/admin/program", Map.of(), body.formatted(bad));
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertEquals("application/problem+json", refused.header("content-type"));
        }
        assertEquals(10, call("GET /admin/program", "/admin/program", Map.of(), null).jsonBody()
                .get("maxLinksPerPartner"), "refused settings changed nothing");
    }

    @Test
    void partners_createGetAndListNewestFirstWithCursor() {
        String first = createPartner("anna@partner.example");
        String second = createPartner("bob@partner.example");
        String third = createPartner("carl@partner.example");
        ApiResponse got = call("GET /admin/partners/{partnerId}", "/admin/partners/" + first,
                Map.of("partnerId", first), null);
        assertEquals("anna@partner.example", got.jsonBody().get("email"));

        ApiResponse page1 = ApiEvent.fixture("http-api-request.json")
                .route("GET /admin/partners", "/admin/partners", Map.of()).query("limit=2", Map.of("limit", "2"))
                .invoke(handler);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page1.jsonBody().get("items");
        assertEquals(List.of(third, second), items.stream().map(i -> i.get("id")).toList());
        String cursor = (String) page1.jsonBody().get("nextCursor");
        assertNotNull(cursor);
        ApiResponse page2 = ApiEvent.fixture("http-api-request.json")
                .route("GET /admin/partners", "/admin/partners", Map.of())
                .query("limit=2&cursor=" + cursor, Map.of("limit", "2", "cursor", cursor)).invoke(handler);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rest = (List<Map<String, Object>>) page2.jsonBody().get("items");
        assertEquals(List.of(first), rest.stream().map(i -> i.get("id")).toList());
        assertNull(page2.jsonBody().get("nextCursor"));
    }

    @Test
    void createPartner_whenEmailTakenOrInvalid_isRefusedAndStoresNothingNew() {
        createPartner("anna@partner.example");
        ApiResponse taken = call("POST /admin/partners", "/admin/partners", Map.of(),
                "{\"name\":\"Other\",\"email\":\"ANNA@partner.example\"}");
        assertEquals(409, taken.status());
        ApiResponse invalid = call("POST /admin/partners", "/admin/partners", Map.of(), "{\"name\":\"X\",\"email\":\"x\"}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("\"field\":\"email\""), invalid.body());
        assertEquals(1, table.count("PARTNER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
            "https://user:secret@example.com/", "https://evil.example/", "ftp://example.com/file", "/pricing"})
    void createLink_whenDestinationIsUnsafe_answers400AndStoresNoLink(String destination) {
        configureProgram();
        String partner = createPartner("anna@partner.example");
        ApiResponse response = call("POST /admin/partners/{partnerId}/links", "/admin/partners/" + partner + "/links",
                Map.of("partnerId", partner), "{\"destination\":\"" + destination + "\"}");
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertTrue(response.body().contains("\"field\":\"destination\""), response.body());
        assertEquals(0, table.count("LINK"));
    }

    @Test
    void createLink_withAChosenCode_isUniqueAndListed() {
        configureProgram();
        String partner = createPartner("anna@partner.example");
        String path = "/admin/partners/" + partner + "/links";
        String body = "{\"code\":\"anna-news\",\"destination\":\"https://www.example.com/pricing\",\"campaign\":\"news\"}";
        ApiResponse created = call("POST /admin/partners/{partnerId}/links", path, Map.of("partnerId", partner), body);
        assertEquals(201, created.status(), created.body());
        assertEquals("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/anna-news", created.jsonBody().get("url"));
        ApiResponse taken = call("POST /admin/partners/{partnerId}/links", path, Map.of("partnerId", partner), body);
        assertEquals(409, taken.status());
        ApiResponse generated = call("POST /admin/partners/{partnerId}/links", path, Map.of("partnerId", partner),
                "{\"destination\":\"https://example.com/\"}");
        assertEquals(8, ((String) generated.jsonBody().get("code")).length());
        ApiResponse list = call("GET /admin/partners/{partnerId}/links", path, Map.of("partnerId", partner), null);
        assertEquals(2, ((List<?>) list.jsonBody().get("items")).size());
    }

    @Test
    void unknownOrMalformedIds_answer404() {
        configureProgram();
        assertEquals(404, call("GET /admin/partners/{partnerId}", "/admin/partners/nope", Map.of("partnerId", "nope"),
                null).status());
        assertEquals(404, call("GET /admin/partners/{partnerId}", "/admin/partners/01JC0000000000000000000000",
                Map.of("partnerId", "01JC0000000000000000000000"), null).status());
        assertEquals(404, call("POST /admin/leads/{leadId}/qualify", "/admin/leads/01JC0000000000000000000000/qualify",
                Map.of("leadId", "01JC0000000000000000000000"), null).status());
    }

    @Test
    void suspendingAPartner_stopsItsLinksFromRedirecting() {
        ProgramFixture seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        var anna = seed.activePartner("anna@partner.example");
        seed.link(anna, "anna-news", true);
        ApiResponse suspended = call("PATCH /admin/partners/{partnerId}", "/admin/partners/" + anna.id(),
                Map.of("partnerId", anna.id().value()), "{\"status\":\"SUSPENDED\"}");
        assertEquals("SUSPENDED", suspended.jsonBody().get("status"));
        assertEquals(false, table.item("LINK#anna-news", "LINK").get("partnerActive").bool());
        ApiResponse bad = call("PATCH /admin/partners/{partnerId}", "/admin/partners/" + anna.id(),
                Map.of("partnerId", anna.id().value()), "{\"status\":\"FROZEN\"}");
        assertEquals(400, bad.status());
    }

    /** Valid JSON that is not an object: a 400 naming the rule on every route with a body, nothing stored. */
    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "1", "true"})
    void bodies_thatAreNotJsonObjects_answer400AndStoreNothing(String json) {
        configureProgram();
        String partner = createPartner("anna@partner.example");
        var before = table.items();
        Map<String, String> id = Map.of("partnerId", partner);
        for (ApiResponse response : List.of(
                call("PUT /admin/program", "/admin/program", Map.of(), json),
                call("POST /admin/partners", "/admin/partners", Map.of(), json),
                call("PATCH /admin/partners/{partnerId}", "/admin/partners/" + partner, id, json),
                call("POST /admin/partners/{partnerId}/links", "/admin/partners/" + partner + "/links", id, json),
                call("PUT /admin/partners/{partnerId}/preferences", "/admin/partners/" + partner + "/preferences", id,
                        json),
                call("PUT /admin/communications", "/admin/communications", Map.of(), json),
                call("POST /admin/checkin-runs", "/admin/checkin-runs", Map.of(), json))) {
            assertEquals(400, response.status(), response.body());
            assertEquals("application/problem+json", response.header("content-type"));
            assertTrue(response.body().contains("\"detail\":\"the body must be a JSON object\""), response.body());
        }
        assertEquals(before, table.items());
    }

    /** A malformed month, period or limit is a 400 naming it; a malformed broadcast id names nothing: 404. */
    @Test
    void malformedParameters_answer4xxProblems_neverA500() {
        configureProgram();
        String partner = createPartner("anna@partner.example");
        Map<String, ApiResponse> answers = new java.util.LinkedHashMap<>();
        answers.put("month", call("GET /admin/checkin-runs/{month}", "/admin/checkin-runs/sample-month",
                Map.of("month", "sample-month"), null));
        answers.put("period", call("GET /admin/payout-runs/{period}", "/admin/payout-runs/+10000-01",
                Map.of("period", "+10000-01"), null));
        answers.put("month ", ApiEvent.fixture("http-api-request.json").route("GET /admin/partners/{partnerId}/stats",
                "/admin/partners/" + partner + "/stats", Map.of("partnerId", partner))
                .query("month=2026-13", Map.of("month", "2026-13")).invoke(handler));
        answers.put("limit", ApiEvent.fixture("http-api-request.json").route("GET /admin/partners", "/admin/partners",
                Map.of()).query("limit=1e3", Map.of("limit", "1e3")).invoke(handler));
        answers.forEach((field, response) -> {
            assertEquals(400, response.status(), response.body());
            assertEquals("application/problem+json", response.header("content-type"));
            assertTrue(response.body().contains("\"field\":\"" + field.strip() + "\""), response.body());
        });
        String longId = "x".repeat(3000);
        for (String route : List.of("GET /admin/broadcasts/{broadcastId}", "POST /admin/broadcasts/{broadcastId}/send")) {
            ApiResponse response = call(route, "/admin/broadcasts/" + longId, Map.of("broadcastId", longId), null);
            assertEquals(404, response.status(), route + ": " + response.body());
            assertEquals("application/problem+json", response.header("content-type"));
        }
    }

    @Test
    void leadView_showsWhoClaimedTheLead_oldestFirst() {
        ProgramFixture seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        var anna = seed.activePartner("anna@partner.example");
        var bruno = seed.activePartner("bruno@partner.example");
        java.time.Instant at = java.time.Instant.parse("2026-11-20T14:02:11Z");
        var squatted = new dev.refer.core.lead.Lead(new dev.refer.core.lead.LeadId("01JD9ABCDEFGHJKMNPQRSTVWXY"),
                new dev.refer.core.basics.email.EmailAddress("ada@acme.example"), "Ada", null, null, null,
                dev.refer.core.lead.LeadStatus.NEW, new dev.refer.core.attribution.Attribution(bruno.id(),
                dev.refer.core.attribution.Attribution.Path.CODE, new dev.refer.core.link.LinkCode("bruno-blog"),
                null, null), null, at, at, null, null);
        var leads = new dev.refer.dynamodb.lead.DynamoDbLeadRepository(table.client(), table.config());
        leads.create(squatted);
        leads.takeOver(squatted, squatted.claimedBy(new dev.refer.core.attribution.Attribution(anna.id(),
                dev.refer.core.attribution.Attribution.Path.CLICK, new dev.refer.core.link.LinkCode("anna-news"),
                new dev.refer.core.link.ClickId("01JD8X3Q6W4T2N7R5B9C0MFKZP"), null), at.plusSeconds(3600)));

        ApiResponse view = call("GET /admin/leads/{leadId}", "/admin/leads/01JD9ABCDEFGHJKMNPQRSTVWXY",
                Map.of("leadId", "01JD9ABCDEFGHJKMNPQRSTVWXY"), null);

        assertEquals(200, view.status(), view.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> claims = (List<Map<String, Object>>) view.jsonBody().get("claims");
        assertEquals(List.of(bruno.id().value(), anna.id().value()), claims.stream()
                .map(claim -> ((Map<?, ?>) claim.get("attribution")).get("partnerId")).toList());
        assertEquals("2026-11-20T15:02:11Z", claims.get(1).get("at"));
    }

    @Test
    void request_whenBodyIsNotJson_answers415() {
        ApiResponse response = ApiEvent.fixture("http-api-request.json")
                .route("POST /admin/partners", "/admin/partners", Map.of())
                .body("text/plain", "name=x").invoke(handler);
        assertEquals(415, response.status());
        assertEquals(0, table.count("PARTNER"));
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

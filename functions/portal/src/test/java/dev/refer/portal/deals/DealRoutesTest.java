package dev.refer.portal.deals;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.web.PortalSession;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner's deal pages and API on DynamoDB Local, with sessions as the sign-in handler hands them over. */
class DealRoutesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String SCRIPT = "<script>alert(1)</script>";

    private final TestTable table = TestTable.create();
    private final ProgramFixture fixture = new ProgramFixture(table.client(), table.config());
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final Partner anna = fixture.activePartner("anna@partner.example");
    private final Partner bruno = fixture.activePartner("bruno@partner.example");
    private final PortalSession annas = new PortalSession(anna.id(), "session-a", "csrf-a");
    private final PortalSession brunos = new PortalSession(bruno.id(), "session-b", "csrf-b");
    private final PartnerRoutesHarness portal = new PartnerRoutesHarness(DealRoutes.create(table.client(),
            table.config(), new DynamoDbPartnerRepository(table.client(), table.config()), new UlidGenerator(clock),
            clock), annas);

    DealRoutesTest() {
        fixture.program();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private ApiEvent.ApiResponse postForm(Map<String, String> fields) {
        return portal.post("POST /portal/deals", "/portal/deals", FORM, form(fields));
    }

    private String registerByApi(PortalSession who, String domain) {
        ApiEvent.ApiResponse created = portal.as(who).post("POST /portal/api/deals", "/portal/api/deals", JSON,
                "{\"companyName\":\"Acme\",\"domain\":\"" + domain + "\"}");
        assertEquals(201, created.status(), created.body());
        return (String) created.jsonBody().get("dealId");
    }

    @Test
    void theForm_registers_redirects_andThePageShowsTheRegistration() {
        ApiEvent.ApiResponse posted = postForm(Map.of("csrf", "csrf-a", "companyName", "Acme Inc.", "domain",
                "https://www.acme.example/", "contactName", "Ada", "contactEmail", "ada@acme.example", "notes",
                "Evaluating"));
        assertEquals(303, posted.status(), posted.body());
        String location = posted.header("location");
        assertTrue(location.startsWith("/portal/deals?registered="), location);

        String id = location.substring(location.indexOf('=') + 1);
        ApiEvent.ApiResponse page = portal.get("GET /portal/deals", "/portal/deals", Map.of(),
                Map.of("registered", id));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Registered acme.example"), page.body());
        assertTrue(page.body().contains("<td>acme.example</td>"));
        assertTrue(page.body().contains("Pending review"));
        assertTrue(page.body().contains("name=\"csrf\" value=\"csrf-a\""), "the form carries the CSRF token");
        assertEquals(1, table.count("DEAL"));
    }

    @Test
    void theApi_registers_isIdempotentForItsPartner_andRefusesAnother() {
        String id = registerByApi(annas, "acme.example");
        ApiEvent.ApiResponse again = portal.as(annas).post("POST /portal/api/deals", "/portal/api/deals", JSON,
                "{\"companyName\":\"Acme\",\"domain\":\"acme.example\"}");
        assertEquals(200, again.status());
        assertEquals(id, again.jsonBody().get("dealId"));

        ApiEvent.ApiResponse taken = portal.as(brunos).post("POST /portal/api/deals", "/portal/api/deals", JSON,
                "{\"companyName\":\"Acme\",\"domain\":\"acme.example\"}");
        assertEquals(409, taken.status());
        assertEquals("application/problem+json", taken.header("content-type"));
        assertTrue(taken.body().contains("already registered by another partner"), taken.body());
        assertFalse(taken.body().contains(anna.id().value()), "who holds it is not said");

        ApiEvent.ApiResponse takenForm = portal.as(brunos).post("POST /portal/deals", "/portal/deals", FORM,
                form(Map.of("csrf", "csrf-b", "companyName", "Acme", "domain", "acme.example")));
        assertEquals(409, takenForm.status());
        assertTrue(takenForm.body().contains("id=\"domain-error\""), takenForm.body());
        assertTrue(takenForm.body().contains("already registered by another partner"));

        ApiEvent.ApiResponse freeMail = portal.as(brunos).post("POST /portal/api/deals", "/portal/api/deals",
                JSON, "{\"companyName\":\"Me\",\"domain\":\"gmail.com\"}");
        assertEquals(422, freeMail.status());
        assertTrue(freeMail.body().contains("\"domain\""));
        assertEquals(1, table.count("DEAL"));
    }

    @Test
    void idor_anotherPartnersRegistration_isA404_andNeverShown() {
        String brunosDeal = registerByApi(brunos, "globex.example");
        portal.as(annas);
        ApiEvent.ApiResponse one = portal.get("GET /portal/api/deals/{dealId}", "/portal/api/deals/" + brunosDeal,
                Map.of("dealId", brunosDeal), Map.of());
        assertEquals(404, one.status());
        assertFalse(one.body().contains("globex"), one.body());

        ApiEvent.ApiResponse list = portal.get("GET /portal/api/deals", "/portal/api/deals", Map.of(), Map.of());
        assertEquals(List.of(), list.jsonBody().get("items"));

        ApiEvent.ApiResponse page = portal.get("GET /portal/deals", "/portal/deals", Map.of(),
                Map.of("registered", brunosDeal));
        assertEquals(200, page.status());
        assertFalse(page.body().contains("globex"), "another partner's id in the page shows nothing of it");

        for (String bad : List.of("nope", "../../etc", "01JC0000000000000000000099")) {
            assertEquals(404, portal.get("GET /portal/api/deals/{dealId}", "/portal/api/deals/x",
                    Map.of("dealId", bad), Map.of()).status());
        }
        String own = registerByApi(annas, "initech.example");
        ApiEvent.ApiResponse mine = portal.as(annas).get("GET /portal/api/deals/{dealId}", "/portal/api/deals/"
                + own, Map.of("dealId", own), Map.of());
        assertEquals(200, mine.status());
        assertEquals("pending", mine.jsonBody().get("status"));
    }

    @Test
    void scriptInEveryField_isShownAsText() {
        ApiEvent.ApiResponse posted = postForm(Map.of("csrf", "csrf-a", "companyName", SCRIPT, "domain",
                "acme.example", "contactName", SCRIPT, "notes", SCRIPT));
        assertEquals(303, posted.status());
        String page = portal.get("GET /portal/deals", "/portal/deals", Map.of(), Map.of()).body();
        assertFalse(page.contains(SCRIPT), "never markup");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

        ApiEvent.ApiResponse invalid = postForm(Map.of("csrf", "csrf-a", "companyName", SCRIPT, "domain", SCRIPT,
                "contactEmail", SCRIPT, "notes", SCRIPT));
        assertEquals(400, invalid.status());
        assertFalse(invalid.body().contains(SCRIPT), "typed values echoed escaped");
        assertTrue(invalid.body().contains("id=\"domain-error\""));
        assertTrue(invalid.body().contains("id=\"contactEmail-error\""));
        assertEquals(1, table.count("DEAL"));
    }

    @Test
    void hostileInput_getsA4xx_andStoresNothing() {
        String longName = "x".repeat(201);
        ApiEvent.ApiResponse tooLong = postForm(Map.of("csrf", "csrf-a", "companyName", longName, "domain",
                "acme.example", "notes", "n".repeat(2001)));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("id=\"companyName-error\""));
        assertTrue(tooLong.body().contains("id=\"notes-error\""));

        ApiEvent.ApiResponse missing = postForm(Map.of("csrf", "csrf-a"));
        assertEquals(400, missing.status());

        assertEquals(415, portal.post("POST /portal/deals", "/portal/deals", "text/plain", "companyName=a").status());
        assertEquals(415, portal.post("POST /portal/api/deals", "/portal/api/deals", FORM, "companyName=a")
                .status());
        ApiEvent.ApiResponse oversized = postForm(Map.of("csrf", "csrf-a", "companyName", "a", "domain",
                "acme.example", "notes", "n".repeat(9000)));
        assertEquals(413, oversized.status());
        ApiEvent.ApiResponse oversizedJson = portal.post("POST /portal/api/deals", "/portal/api/deals", JSON,
                "{\"companyName\":\"" + "a".repeat(9000) + "\",\"domain\":\"acme.example\"}");
        assertEquals(413, oversizedJson.status());
        assertEquals(400, portal.post("POST /portal/deals", "/portal/deals", FORM, "companyName=%E0%A4%A&domain=x")
                .status());
        ApiEvent.ApiResponse badJson = portal.post("POST /portal/api/deals", "/portal/api/deals", JSON, "{nope");
        assertEquals(400, badJson.status());
        assertEquals("application/problem+json", badJson.header("content-type"));
        ApiEvent.ApiResponse invalidJson = portal.post("POST /portal/api/deals", "/portal/api/deals", JSON,
                "{\"companyName\":\"" + SCRIPT + "\",\"domain\":\"" + SCRIPT + "\"}");
        assertEquals(400, invalidJson.status());
        assertTrue(invalidJson.body().contains("\"domain\""), invalidJson.body());
        assertEquals(0, table.count("DEAL"));
        assertEquals(0, table.count("DEAL_DOMAIN"));
    }

    @Test
    void otherRoutes_areLeftToTheOtherFamilies() {
        assertNull(DealRoutes.create(table.client(), table.config(), new DynamoDbPartnerRepository(table.client(),
                table.config()), new UlidGenerator(clock), clock).handle(dev.refer.lambda.HttpRequest.of(
                new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent()), annas).orElse(null));
    }
}

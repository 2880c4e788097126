package dev.refer.portal.partner;

import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each of the partner's routes on DynamoDB Local, signed in as Anna; Bruno is the other partner of the program. */
class PartnerRoutesTest {

    private TestTable table;
    private PortalSeed seed;
    private PortalApp app;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        seed = new PortalSeed(table);
        var programs = new dev.refer.dynamodb.program.DynamoDbProgramRepository(table.client(), table.config());
        programs.save(programs.find(table.config().programId()).orElseThrow().withMaxLinksPerPartner(3));
        Map<String, String> env = new HashMap<>(table.environment());
        env.put("PUBLIC_BASE_URL", "https://go.program.example/");
        app = new PortalApp(PartnerPortal.routes(table.client(), table.config(), PortalSeed.CLOCK, env))
                .as(PortalSeed.session(seed.anna));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ApiResponse response) {
        return (List<Map<String, Object>>) response.jsonBody().get("items");
    }

    // ---- dashboard ----------------------------------------------------------------------------------------------

    @Test
    void dashboard_showsTheFunnelPerLinkAndCampaign_andTheNextPayout() {
        var anna = seed.anna.id();
        seed.stats(anna, "STATS#ALL", Map.of("leads", 40L, "leadsQualified", 12L, "sales", 5L, "revenue.EUR",
                250_000L, "commissionEarned.EUR", 50_000L, "commissionStatus.PENDING.EUR", 3_000L,
                "commissionStatus.PAID.EUR", 47_000L));
        seed.stats(anna, "STATS#2026-12", Map.of("leads", 4L, "sales", 1L, "revenue.EUR", 10_000L,
                "commissionEarned.EUR", 2_000L));
        seed.clicks(anna, YearMonth.of(2026, 11), Map.of("anna-news", 900L));
        seed.clicks(anna, YearMonth.of(2026, 12), Map.of("anna-news", 100L));
        seed.clicks(seed.bruno.id(), YearMonth.of(2026, 12), Map.of("bruno-news", 77_777L));

        ApiResponse json = app.get("GET /portal/api/dashboard", "/portal/api/dashboard", Map.of());
        assertEquals(200, json.status(), json.body());
        Map<String, Object> body = json.jsonBody();
        assertEquals("2026-12", body.get("month"));
        @SuppressWarnings("unchecked")
        Map<String, Object> month = (Map<String, Object>) body.get("thisMonth");
        @SuppressWarnings("unchecked")
        Map<String, Object> allTime = (Map<String, Object>) body.get("allTime");
        assertEquals(100, month.get("clicks"));
        assertEquals(4, month.get("leads"));
        assertEquals(1_000, allTime.get("clicks"));
        assertEquals(40, allTime.get("leads"));
        assertEquals(12, allTime.get("qualified"));
        assertEquals(5, allTime.get("customers"));
        assertEquals(List.of(Map.of("minor", 250_000, "currency", "EUR")), allTime.get("revenue"));
        assertEquals(List.of(Map.of("minor", 50_000, "currency", "EUR")), allTime.get("commissions"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) body.get("links");
        assertEquals(1, links.size(), "only Anna's own links");
        assertEquals("https://go.program.example/anna-news", links.getFirst().get("url"));
        assertEquals(100, links.getFirst().get("clicksThisMonth"));
        assertEquals(1_000, links.getFirst().get("clicksAllTime"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> campaigns = (List<Map<String, Object>>) body.get("campaigns");
        assertEquals("newsletter", campaigns.getFirst().get("campaign"));
        assertEquals(1_000, campaigns.getFirst().get("clicksAllTime"));
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) body.get("nextPayout");
        assertEquals("2027-01-01", next.get("runOn"));
        @SuppressWarnings("unchecked")
        Map<String, Object> balance = ((List<Map<String, Object>>) next.get("balances")).getFirst();
        assertEquals(Map.of("minor", 3_000, "currency", "EUR"), balance.get("unpaid"));
        assertEquals(Map.of("minor", 5_000, "currency", "EUR"), balance.get("minimum"));
        assertEquals(Map.of("minor", 2_000, "currency", "EUR"), balance.get("missing"));
        assertEquals(false, balance.get("reachesMinimum"));

        ApiResponse page = app.get("GET /portal", "/portal", Map.of());
        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"));
        assertTrue(page.body().contains("<caption>"), page.body());
        assertTrue(page.body().contains("EUR 20.00 more needed to reach the minimum"), page.body());
        assertTrue(page.body().contains("https://go.program.example/anna-news"));
        assertFalse(page.body().contains("bruno-news"));
    }

    @Test
    void dashboard_ofANewPartner_isAllZeros_andSaysWhatTheMinimumNeeds() {
        ApiResponse json = app.as(PortalSeed.session(seed.fixture.activePartner("new@partner.example")))
                .get("GET /portal/api/dashboard", "/portal/api/dashboard", Map.of());
        assertEquals(200, json.status(), json.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> allTime = (Map<String, Object>) json.jsonBody().get("allTime");
        assertEquals(0, allTime.get("clicks"));
        assertEquals(List.of(), allTime.get("revenue"));
    }

    // ---- links --------------------------------------------------------------------------------------------------

    @Test
    void links_areListedWithClicksQrAndShareTexts() {
        seed.clicks(seed.anna.id(), YearMonth.of(2026, 12), Map.of("anna-news", 42L));
        ApiResponse list = app.get("GET /portal/api/links", "/portal/api/links", Map.of());
        assertEquals(200, list.status(), list.body());
        assertEquals(1, items(list).size());
        Map<String, Object> link = items(list).getFirst();
        assertEquals("anna-news", link.get("code"));
        assertEquals(42, link.get("clicksThisMonth"));
        @SuppressWarnings("unchecked")
        Map<String, Object> share = (Map<String, Object>) link.get("share");
        assertTrue(((String) share.get("emailBody")).contains("https://go.program.example/anna-news"));
        assertTrue(((String) share.get("socialPost")).contains("https://go.program.example/anna-news"));

        ApiResponse page = app.get("GET /portal/links", "/portal/links", Map.of());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("data-copy=\"url-anna-news\""), page.body());
        assertTrue(page.body().contains("<code id=\"url-anna-news\">https://go.program.example/anna-news</code>"),
                "the copy button names the element holding the link (portal.js copies its text)");
        assertTrue(page.body().contains("data-copy=\"email-anna-news\"")
                && page.body().contains("<textarea id=\"email-anna-news\""));
        assertTrue(page.body().contains("name=\"csrf\" value=\"csrf-" + seed.anna.id().value() + "\""));
        assertTrue(page.body().contains("<label for=\"destination\">"));
    }

    @Test
    void aLinkIsCreatedFromTheFormAndTheApi_withinTheProgramsHosts_andUpToTheLimit() {
        ApiResponse form = app.form("POST /portal/links", "/portal/links", Map.of(),
                "csrf=x&destination=https%3A%2F%2Fexample.com%2Fpricing&campaign=linkedin");
        assertEquals(303, form.status(), form.body());
        ApiResponse created = app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://www.example.com/blog\",\"campaign\":\"podcast\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("podcast", created.jsonBody().get("campaign"));
        assertEquals(4, table.count("LINK"));

        ApiResponse over = app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://example.com/\"}");
        assertEquals(409, over.status(), over.body());
        assertEquals("application/problem+json", over.header("content-type"));
        assertTrue(over.body().contains("3 links"), over.body());
        ApiResponse overForm = app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=https%3A%2F%2Fexample.com%2F");
        assertEquals(409, overForm.status());
        assertTrue(overForm.body().contains("3 links"));
        assertEquals(4, table.count("LINK"), "nothing stored past the limit");
    }

    @Test
    void badLinks_areRefused_andNothingIsStored() {
        ApiResponse host = app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://evil.example/\"}");
        assertEquals(400, host.status());
        assertTrue(host.body().contains("destination"), host.body());
        ApiResponse formHost = app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=javascript%3Aalert(1)&campaign=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals(400, formHost.status());
        assertTrue(formHost.body().contains("id=\"campaign-error\""), formHost.body());
        assertTrue(formHost.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), "the value is shown escaped");
        assertFalse(formHost.body().contains("<script>alert(1)"));
        ApiResponse formDestination = app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=https%3A%2F%2Fevil.example%2Fpage&campaign=ok");
        assertEquals(400, formDestination.status());
        assertTrue(formDestination.body().contains("id=\"destination-error\""), formDestination.body());
        assertTrue(formDestination.body().contains("allowed destination hosts"), formDestination.body());
        assertFalse(formDestination.body().contains("<script>"));
        assertEquals(400, app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://example.com/\",\"campaign\":\"" + "x".repeat(65) + "\"}").status());
        assertEquals(400, app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://example.com/\",\"code\":\"mine\"}").status(),
                "a partner cannot choose a code: unknown fields are refused");
        assertEquals(400, app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://example.com/" + "a".repeat(2100) + "\"}").status());
        assertEquals(415, app.send("POST /portal/api/links", "/portal/api/links", Map.of(), "text/plain",
                "destination=https://example.com/").status());
        assertEquals(415, app.json("POST /portal/links", "/portal/links", Map.of(),
                "{\"destination\":\"https://example.com/\"}").status());
        assertEquals(413, app.json("POST /portal/api/links", "/portal/api/links", Map.of(),
                "{\"destination\":\"https://example.com/" + "a".repeat(20_000) + "\"}").status());
        assertEquals(413, app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=" + "a".repeat(20_000)).status());
        assertEquals(400, app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=%E0%A4%A").status(), "a broken percent-escape");
        assertEquals(400, app.form("POST /portal/links", "/portal/links", Map.of(),
                "destination=%FF%FE").status(), "not UTF-8");
        assertEquals(2, table.count("LINK"));
    }

    @Test
    void aLinkIsDisabled_andItsQrCodesServed() {
        ApiResponse disabled = app.form("POST /portal/links/{code}/disable", "/portal/links/anna-news/disable",
                Map.of("code", "anna-news"), "csrf=x");
        assertEquals(303, disabled.status(), disabled.body());
        ApiResponse api = app.json("POST /portal/api/links/{code}/disable", "/portal/api/links/anna-news/disable",
                Map.of("code", "anna-news"), "");
        assertEquals(200, api.status(), api.body());
        assertEquals(false, api.jsonBody().get("enabled"));

        ApiResponse png = app.get("GET /portal/links/{code}/qr.png", "/portal/links/anna-news/qr.png",
                Map.of("code", "anna-news"));
        assertEquals(200, png.status());
        assertEquals("image/png", png.header("content-type"));
        byte[] bytes = Base64.getDecoder().decode(png.body());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
        ApiResponse svg = app.get("GET /portal/links/{code}/qr.svg", "/portal/links/anna-news/qr.svg",
                Map.of("code", "anna-news"));
        assertEquals(200, svg.status());
        assertTrue(svg.header("content-type").startsWith("image/svg+xml"));
        assertTrue(svg.body().contains("<svg") && svg.body().contains("<path"), svg.body());
        assertEquals(404, app.get("GET /portal/links/{code}/qr.svg", "/portal/links/no-such/qr.svg",
                Map.of("code", "no-such")).status());
        assertEquals(404, app.get("GET /portal/links/{code}/qr.svg", "/portal/links/%3Cx%3E/qr.svg",
                Map.of("code", "<x>")).status());
    }

    // ---- referrals ----------------------------------------------------------------------------------------------

    @Test
    void referrals_showLeadsWithMaskedEmails_escaped_andCustomersSales() {
        seed.lead(seed.anna, "jane.doe@acme.com", "<script>alert('x')</script>", Instant.parse("2026-12-01T10:00:00Z"));
        seed.lead(seed.anna, "max@acme.com", "Max", Instant.parse("2026-12-02T10:00:00Z"));
        seed.lead(seed.bruno, "other@bruno.example", "Bruno's lead", Instant.parse("2026-12-02T11:00:00Z"));
        seed.sale("anna-news", "inv-1", 50_000, Instant.parse("2026-12-03T10:00:00Z"));

        ApiResponse leads = app.get("GET /portal/api/leads", "/portal/api/leads", Map.of());
        assertEquals(200, leads.status(), leads.body());
        assertEquals(2, items(leads).size());
        assertEquals("Max", items(leads).getFirst().get("name"), "newest first");
        assertEquals("j***@acme.com", items(leads).get(1).get("email"));
        assertFalse(leads.body().contains("jane.doe"));
        assertEquals(1, items(app.get("GET /portal/api/leads", "/portal/api/leads", Map.of(),
                Map.of("limit", "1"))).size());
        assertEquals(400, app.get("GET /portal/api/leads", "/portal/api/leads", Map.of(),
                Map.of("cursor", "garbage")).status());

        ApiResponse customers = app.get("GET /portal/api/customers", "/portal/api/customers", Map.of());
        assertEquals(200, customers.status(), customers.body());
        assertEquals("inv-1", items(customers).getFirst().get("orderId"));
        assertEquals(Map.of("minor", 50_000, "currency", "EUR"), items(customers).getFirst().get("amount"));

        ApiResponse page = app.get("GET /portal/referrals", "/portal/referrals", Map.of());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("&lt;script&gt;alert('x')&lt;/script&gt;"), page.body());
        assertFalse(page.body().contains("<script>"));
        assertTrue(page.body().contains("Acme &lt;b&gt;Corp&lt;/b&gt;"));
        assertTrue(page.body().contains("j***@acme.com"));
        assertFalse(page.body().contains("Bruno's lead"));
        assertTrue(page.body().contains("inv-1"));
    }

    // ---- money --------------------------------------------------------------------------------------------------

    @Test
    void money_showsCommissionsWithTheirState_payoutsWithStatements_andCsv() throws Exception {
        seed.sale("anna-news", "inv-oct", 50_000, Instant.parse("2026-10-05T10:00:00Z"));
        String payout = seed.payNovember(seed.anna);
        seed.sale("anna-news", "inv-dec", 20_000, Instant.parse("2026-12-05T10:00:00Z"));

        ApiResponse commissions = app.get("GET /portal/api/commissions", "/portal/api/commissions", Map.of());
        assertEquals(200, commissions.status(), commissions.body());
        assertEquals(2, items(commissions).size());
        Map<String, Object> december = items(commissions).getFirst();
        assertEquals("PENDING", december.get("state"));
        assertEquals("2027-01-04T10:00:00Z", december.get("pendingUntil"));
        assertEquals(Map.of("minor", 4_000, "currency", "EUR"), december.get("amount"));
        assertEquals("PAID", items(commissions).get(1).get("state"));
        assertEquals(payout, items(commissions).get(1).get("payoutId"));

        ApiResponse payouts = app.get("GET /portal/api/payouts", "/portal/api/payouts", Map.of());
        assertEquals(200, payouts.status(), payouts.body());
        assertEquals(payout, items(payouts).getFirst().get("id"));
        ApiResponse statement = app.get("GET /portal/api/payouts/{payoutId}", "/portal/api/payouts/" + payout,
                Map.of("payoutId", payout));
        assertEquals(200, statement.status(), statement.body());
        assertEquals(Map.of("minor", 10_000, "currency", "EUR"), statement.jsonBody().get("amount"));
        assertEquals(1, ((List<?>) statement.jsonBody().get("entries")).size());
        ApiResponse statementPage = app.get("GET /portal/payouts/{payoutId}", "/portal/payouts/" + payout,
                Map.of("payoutId", payout));
        assertEquals(200, statementPage.status());
        assertTrue(statementPage.body().contains("EUR 100.00"), statementPage.body());

        ApiResponse page = app.get("GET /portal/money", "/portal/money", Map.of());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("pending until 2027-01-04"), page.body());
        assertTrue(page.body().contains("/portal/payouts/" + payout));

        ApiResponse csv = app.get("GET /portal/money/commissions.csv", "/portal/money/commissions.csv", Map.of());
        assertEquals(200, csv.status());
        assertTrue(csv.header("content-type").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(2, rows.size());
        assertEquals("40.00", rows.getFirst().get("amount"));
        assertEquals("PENDING", rows.getFirst().get("state"));
        List<CSVRecord> payoutRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(app.get("GET /portal/money/payouts.csv", "/portal/money/payouts.csv",
                        Map.of()).body())).getRecords();
        assertEquals(List.of(payout), payoutRows.stream().map(r -> r.get("payoutId")).toList());
        assertNull(csv.header("x-next-cursor"));
    }

    // ---- preferences and profile --------------------------------------------------------------------------------

    @Test
    void preferences_areSetByThePartner_fromTheFormAndTheApi() {
        ApiResponse initial = app.get("GET /portal/api/preferences", "/portal/api/preferences", Map.of());
        assertEquals(200, initial.status());
        assertEquals(false, initial.jsonBody().get("shoutOut"));

        ApiResponse form = app.form("POST /portal/preferences", "/portal/preferences", Map.of(),
                "csrf=x&topic.checkin=none&topic.leads=digest&shoutOut=yes");
        assertEquals(303, form.status(), form.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> topics = (Map<String, Object>) app.get("GET /portal/api/preferences",
                "/portal/api/preferences", Map.of()).jsonBody().get("topics");
        assertEquals("none", topics.get("checkin"));
        assertEquals("digest", topics.get("leads"));
        assertEquals("all", topics.get("payouts"));

        ApiResponse put = app.send("PUT /portal/api/preferences", "/portal/api/preferences", Map.of(),
                "application/json", "{\"topics\":{\"checkin\":\"all\"},\"shoutOut\":false}");
        assertEquals(200, put.status(), put.body());
        assertEquals(false, put.jsonBody().get("shoutOut"));

        ApiResponse page = app.get("GET /portal/preferences", "/portal/preferences", Map.of());
        assertTrue(page.body().contains("<legend>"), page.body());
        assertEquals(400, app.send("PUT /portal/api/preferences", "/portal/api/preferences", Map.of(),
                "application/json", "{\"topics\":{\"checkin\":\"digest\"}}").status(),
                "a digest is for notifications only");
        assertEquals(400, app.send("PUT /portal/api/preferences", "/portal/api/preferences", Map.of(),
                "application/json", "{\"topics\":{\"<script>\":\"all\"}}").status());
        assertEquals(400, app.form("POST /portal/preferences", "/portal/preferences", Map.of(),
                "topic.broadcast=loud").status());
        assertEquals(415, app.send("PUT /portal/api/preferences", "/portal/api/preferences", Map.of(),
                "text/plain", "x").status());
        assertEquals(413, app.send("PUT /portal/api/preferences", "/portal/api/preferences", Map.of(),
                "application/json", "{\"topics\":{\"x\":\"" + "a".repeat(20_000) + "\"}}").status());
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) app.get("GET /portal/api/preferences",
                "/portal/api/preferences", Map.of()).jsonBody().get("topics");
        assertEquals("all", after.get("checkin"), "refused changes stored nothing");
        assertEquals("all", after.get("broadcast"));
    }

    @Test
    void profile_isEditedByThePartner_withTheEmailShownOnly_andListsTheTermsAccepted() {
        var terms = new dev.refer.dynamodb.terms.DynamoDbTermsBook(table.client(), table.config());
        terms.accept(new dev.refer.core.terms.Acceptance(seed.anna.id(), "2026-12",
                Instant.parse("2026-12-02T09:00:00Z"), "198.51.100.7", "Browser/1.0"));
        terms.accept(new dev.refer.core.terms.Acceptance(seed.bruno.id(), "2026-11",
                Instant.parse("2026-11-02T09:00:00Z"), null, null));
        ApiResponse got = app.get("GET /portal/api/profile", "/portal/api/profile", Map.of());
        assertEquals(200, got.status());
        assertEquals("anna@partner.example", got.jsonBody().get("email"));
        assertEquals(List.of(Map.of("version", "2026-12", "acceptedAt", "2026-12-02T09:00:00Z")),
                got.jsonBody().get("termsAccepted"), "her own acceptances only");

        ApiResponse saved = app.form("POST /portal/profile", "/portal/profile", Map.of(),
                "csrf=x&name=Anna+%3Cscript%3Ex%3C%2Fscript%3E&company=Anna+%26+Co&email=evil%40x.example");
        assertEquals(303, saved.status(), saved.body());
        Map<String, Object> after = app.get("GET /portal/api/profile", "/portal/api/profile", Map.of()).jsonBody();
        assertEquals("Anna <script>x</script>", after.get("name"));
        assertEquals("Anna & Co", after.get("company"));
        assertEquals("anna@partner.example", after.get("email"), "the email is not the partner's to change");
        ApiResponse page = app.get("GET /portal/profile", "/portal/profile", Map.of());
        assertTrue(page.body().contains("value=\"Anna &lt;script>x&lt;/script>\""), page.body());
        assertTrue(page.body().contains("<th scope=\"row\">2026-12</th><td>2026-12-02</td>"), page.body());
        assertFalse(page.body().contains("<script>x"));

        ApiResponse tooLong = app.form("POST /portal/profile", "/portal/profile", Map.of(),
                "name=" + "n".repeat(101));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("id=\"name-error\""), tooLong.body());
        assertEquals(400, app.form("POST /portal/profile", "/portal/profile", Map.of(), "name=+&company=x").status());
        assertEquals(415, app.json("POST /portal/profile", "/portal/profile", Map.of(), "{\"name\":\"x\"}").status());
        assertEquals("Anna <script>x</script>", app.get("GET /portal/api/profile", "/portal/api/profile", Map.of())
                .jsonBody().get("name"), "refused changes stored nothing");
    }
}

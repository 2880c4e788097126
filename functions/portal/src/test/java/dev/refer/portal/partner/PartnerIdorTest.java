package dev.refer.portal.partner;

import dev.refer.core.link.LinkCode;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner A (Anna) signed in, walking every portal route that takes an id with partner B's (Bruno's) ids: his link
 * codes, his payout, his listing cursors. Each answer is a 404 (a 400 for a cursor), never Bruno's data, and nothing
 * of his changes.
 */
class PartnerIdorTest {

    private TestTable table;
    private PortalSeed seed;
    private PortalApp app;
    private String brunoPayout;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        seed = new PortalSeed(table);
        seed.sale("bruno-news", "inv-b1", 80_000, Instant.parse("2026-10-05T10:00:00Z"));
        brunoPayout = seed.payNovember(seed.bruno);
        seed.lead(seed.bruno, "secret.prospect@bruno-client.example", "Bruno's prospect",
                Instant.parse("2026-12-01T10:00:00Z"));
        seed.lead(seed.bruno, "second@bruno-client.example", "Bruno's second", Instant.parse("2026-12-02T10:00:00Z"));
        app = new PortalApp(PartnerPortal.routes(table.client(), table.config(), PortalSeed.CLOCK,
                table.environment())).as(PortalSeed.session(seed.anna));
    }

    @Test
    void anotherPartnersLinkCodes_areNotFound_andHisLinkIsUnchanged() {
        Map<String, String> code = Map.of("code", "bruno-news");
        ApiResponse disableForm = app.form("POST /portal/links/{code}/disable", "/portal/links/bruno-news/disable",
                code, "csrf=x");
        assertEquals(404, disableForm.status());
        assertNotBrunos(disableForm);
        ApiResponse disableApi = app.json("POST /portal/api/links/{code}/disable",
                "/portal/api/links/bruno-news/disable", code, "");
        assertEquals(404, disableApi.status());
        assertEquals("application/problem+json", disableApi.header("content-type"));
        assertNotBrunos(disableApi);
        assertEquals(404, app.get("GET /portal/links/{code}/qr.png", "/portal/links/bruno-news/qr.png", code)
                .status());
        assertEquals(404, app.get("GET /portal/links/{code}/qr.svg", "/portal/links/bruno-news/qr.svg", code)
                .status());
        assertTrue(new DynamoDbLinkRepository(table.client(), table.config()).find(new LinkCode("bruno-news"))
                .orElseThrow().enabled(), "Bruno's link still redirects");
    }

    @Test
    void anotherPartnersPayout_isNotFound_asPageAndApi() {
        Map<String, String> id = Map.of("payoutId", brunoPayout);
        ApiResponse page = app.get("GET /portal/payouts/{payoutId}", "/portal/payouts/" + brunoPayout, id);
        assertEquals(404, page.status());
        assertNotBrunos(page);
        ApiResponse api = app.get("GET /portal/api/payouts/{payoutId}", "/portal/api/payouts/" + brunoPayout, id);
        assertEquals(404, api.status());
        assertNotBrunos(api);
        // Anna's own id shape with Bruno's period and currency, and garbage: the same 404
        String annas = "2026-11-EUR-" + seed.anna.id().value();
        assertEquals(404, app.get("GET /portal/api/payouts/{payoutId}", "/portal/api/payouts/" + annas,
                Map.of("payoutId", annas)).status());
        assertEquals(404, app.get("GET /portal/api/payouts/{payoutId}", "/portal/api/payouts/x",
                Map.of("payoutId", "<script>")).status());
    }

    @Test
    void listings_showOnlyTheCallersOwn_andRefuseAnotherPartnersCursor() {
        for (String[] route : new String[][]{{"GET /portal/api/leads", "/portal/api/leads"},
                {"GET /portal/api/customers", "/portal/api/customers"},
                {"GET /portal/api/commissions", "/portal/api/commissions"},
                {"GET /portal/api/payouts", "/portal/api/payouts"}, {"GET /portal/api/links", "/portal/api/links"},
                {"GET /portal/api/dashboard", "/portal/api/dashboard"}, {"GET /portal", "/portal"},
                {"GET /portal/referrals", "/portal/referrals"}, {"GET /portal/money", "/portal/money"},
                {"GET /portal/links", "/portal/links"}, {"GET /portal/money/commissions.csv",
                "/portal/money/commissions.csv"}, {"GET /portal/money/payouts.csv", "/portal/money/payouts.csv"},
                {"GET /portal/api/profile", "/portal/api/profile"}, {"GET /portal/profile", "/portal/profile"},
                {"GET /portal/api/preferences", "/portal/api/preferences"}}) {
            ApiResponse response = app.get(route[0], route[1], Map.of());
            assertEquals(200, response.status(), route[0] + ": " + response.body());
            assertNotBrunos(response);
        }
        String brunosCursor = (String) app.as(PortalSeed.session(seed.bruno)).get("GET /portal/api/leads",
                "/portal/api/leads", Map.of(), Map.of("limit", "1")).jsonBody().get("nextCursor");
        assertTrue(brunosCursor != null);
        ApiResponse withHisCursor = app.as(PortalSeed.session(seed.anna)).get("GET /portal/api/leads",
                "/portal/api/leads", Map.of(), Map.of("cursor", brunosCursor));
        assertEquals(400, withHisCursor.status(), withHisCursor.body());
        assertNotBrunos(withHisCursor);
        ApiResponse pageWithHisCursor = app.get("GET /portal/referrals", "/portal/referrals", Map.of(),
                Map.of("leads", brunosCursor));
        assertEquals(400, pageWithHisCursor.status());
        assertNotBrunos(pageWithHisCursor);
    }

    private void assertNotBrunos(ApiResponse response) {
        String body = response.body();
        assertFalse(body.contains(seed.bruno.id().value()), body);
        assertFalse(body.contains("bruno-news"), body);
        assertFalse(body.contains("bruno@partner.example"), body);
        assertFalse(body.contains("Bruno"), body);
        assertFalse(body.contains("inv-b1"), body);
    }
}

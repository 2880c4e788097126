package dev.refer.portal.partner;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsRepository.Projected;
import dev.refer.core.stats.SubIdCount;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /portal/api/sub-ids}: the signed-in partner's funnel per sub-id value, and only theirs. */
class SubIdFunnelRoutesTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

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
        var stats = new DynamoDbStatsRepository(table.client(), table.config(), PortalSeed.CLOCK);
        stats.apply("shard-1", List.of(
                count(seed.anna.id(), "anna-news", "sub1", "spring", SubIdCount.CLICKS, "1"),
                count(seed.anna.id(), "anna-news", "sub1", "spring", SubIdCount.CLICKS, "2"),
                count(seed.anna.id(), "anna-news", "sub1", "spring", SubIdCount.LEADS, "3"),
                count(seed.bruno.id(), "bruno-news", "sub1", "brunos-secret", SubIdCount.CLICKS, "4")));
        app = new PortalApp(PartnerPortal.routes(table.client(), table.config(), PortalSeed.CLOCK,
                table.environment())).as(PortalSeed.session(seed.anna));
    }

    private static Projected count(PartnerId partner, String code, String name, String value, String metric,
                                   String sequence) {
        return new Projected(String.format("%021d", Long.parseLong(sequence)), List.of(), null, null,
                List.of(new SubIdCount(partner, DECEMBER, code, name, value, metric, 1)));
    }

    private ApiResponse funnel(String month) {
        return app.get("GET /portal/api/sub-ids", "/portal/api/sub-ids", Map.of(),
                month == null ? Map.of() : Map.of("month", month));
    }

    @Test
    void theFunnelIsTheSignedInPartnersOwn() {
        ApiResponse anna = funnel("2026-12");
        assertEquals(200, anna.status(), anna.body());
        assertEquals("2026-12", anna.jsonBody().get("month"));
        assertEquals(List.of(Map.of("code", "anna-news", "parameter", "sub1", "value", "spring", "clicks", 2,
                "leads", 1, "sales", 0)), anna.jsonBody().get("items"));
        assertFalse(anna.body().contains("brunos-secret"), anna.body());

        ApiResponse bruno = app.as(PortalSeed.session(seed.bruno)).get("GET /portal/api/sub-ids",
                "/portal/api/sub-ids", Map.of(), Map.of("month", "2026-12"));
        assertTrue(bruno.body().contains("brunos-secret") && !bruno.body().contains("spring"), bruno.body());
    }

    @Test
    void aMonthWithoutCounts_isEmpty() {
        assertEquals(List.of(), funnel("2026-11").jsonBody().get("items"));
    }

    @Test
    void withoutAMonth_theFunnelIsThisMonths() {
        ApiResponse now = funnel(null);
        assertEquals(200, now.status(), now.body());
        assertEquals(java.time.YearMonth.now(PortalSeed.CLOCK).toString(), now.jsonBody().get("month"));
    }

    @Test
    void aMalformedMonth_isAProblemNamingIt() {
        for (String month : new String[]{"", "2026-13", "12-2026", "<script>alert(1)</script>", "2026-1"}) {
            ApiResponse response = funnel(month);
            assertEquals(400, response.status(), String.valueOf(month));
            assertTrue(response.header("content-type").startsWith("application/problem+json"), response.body());
            assertTrue(response.body().contains("\"field\":\"month\""), response.body());
        }
    }

    @Test
    void theReferralsPage_showsThisMonthsTable_escaped() {
        var stats = new DynamoDbStatsRepository(table.client(), table.config(), PortalSeed.CLOCK);
        YearMonth now = YearMonth.now(PortalSeed.CLOCK);
        stats.apply("shard-2", List.of(new Projected(String.format("%021d", 9), List.of(), null, null,
                List.of(new SubIdCount(seed.anna.id(), now, "anna-news", "sub1", "<b>x</b>", SubIdCount.CLICKS, 1)))));
        ApiResponse page = app.get("GET /portal/referrals", "/portal/referrals", Map.of());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("By sub-id, " + now), page.body());
        assertTrue(page.body().contains("&lt;b&gt;x&lt;/b&gt;") && !page.body().contains("<b>x</b>"), page.body());
        assertFalse(page.body().contains("brunos-secret"));
    }
}

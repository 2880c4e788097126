package dev.refer.admin;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsRepository.Projected;
import dev.refer.core.stats.SubIdCount;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sub-id settings and a partner's funnel per sub-id value in the admin API, on DynamoDB Local. */
class SubIdRoutesTest {

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

    private ApiResponse call(String routeKey, String path, Map<String, String> params, String query, String json) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json").route(routeKey, path, params)
                .query(query, query.isEmpty() ? Map.of() : Map.of(query.substring(0, query.indexOf('=')),
                        query.substring(query.indexOf('=') + 1)));
        if (json != null) {
            event.body("application/json", json);
        }
        return event.invoke(handler);
    }

    private ApiResponse putSettings(String json) {
        return call("PUT /admin/sub-ids", "/admin/sub-ids", Map.of(), "", json);
    }

    @Test
    void settings_areNoneUntilSaved_thenTheNamesSaved() {
        assertEquals(List.of(), call("GET /admin/sub-ids", "/admin/sub-ids", Map.of(), "", null).jsonBody()
                .get("parameters"));
        ApiResponse saved = putSettings("{\"parameters\":[\"sub1\",\"sub2\",\"campaign_id\"]}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals(List.of("sub1", "sub2", "campaign_id"), call("GET /admin/sub-ids", "/admin/sub-ids", Map.of(),
                "", null).jsonBody().get("parameters"));
        assertEquals(200, putSettings("{\"parameters\":[]}").status(), "naming none again");
        assertEquals(List.of(), call("GET /admin/sub-ids", "/admin/sub-ids", Map.of(), "", null).jsonBody()
                .get("parameters"));
    }

    @Test
    void badSettings_areAProblemNamingTheField_andNothingIsStored() {
        Map<String, String> refused = Map.of(
                "{}", "parameters",
                "{\"parameters\":null}", "parameters",
                "{\"parameters\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}", "parameters",
                "{\"parameters\":[\"sub1\",\"rid\"]}", "parameters[1]",
                "{\"parameters\":[\"REF\"]}", "parameters[0]",
                "{\"parameters\":[\"utm_source\"]}", "parameters[0]",
                "{\"parameters\":[\"sub1\",\"sub1\"]}", "parameters[1]",
                "{\"parameters\":[\"<script>alert(1)</script>\"]}", "parameters[0]",
                "{\"parameters\":[\"sub 1\"]}", "parameters[0]",
                "{\"parameters\":[\"" + "x".repeat(33) + "\"]}", "parameters[0]");
        refused.forEach((body, field) -> {
            ApiResponse response = putSettings(body);
            assertEquals(400, response.status(), body + " " + response.body());
            assertTrue(response.header("content-type").startsWith("application/problem+json"), body);
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), body + " " + response.body());
        });
        for (String body : new String[]{"{\"parameters\":\"sub1\"}", "{\"parameters\":[1,2]}", "not json",
                "{\"parameters\":[\"sub1\"]", "[]"}) {
            ApiResponse response = putSettings(body);
            assertEquals(400, response.status(), body + " " + response.body());
            assertTrue(response.header("content-type").startsWith("application/problem+json"), body);
        }
        assertEquals(415, ApiEvent.fixture("http-api-request.json").route("PUT /admin/sub-ids", "/admin/sub-ids",
                Map.of()).body("text/plain", "parameters=sub1").invoke(handler).status());
        assertEquals(413, putSettings("{\"parameters\":[\"" + "x".repeat(300_000) + "\"]}").status());
        assertEquals(0, table.count("SUBID_SETTINGS"), "nothing stored");
    }

    @Test
    void aPartnersFunnel_perLinkParameterAndValue_andOnlyTheirs() {
        String anna = createPartner("anna@partner.example");
        String bruno = createPartner("bruno@partner.example");
        YearMonth may = YearMonth.of(2026, 5);
        new DynamoDbStatsRepository(table.client(), table.config()).apply("shard-1", List.of(
                count(anna, may, "anna-news", "spring", SubIdCount.CLICKS, 1),
                count(anna, may, "anna-news", "spring", SubIdCount.SALES, 2),
                count(bruno, may, "bruno-news", "brunos", SubIdCount.CLICKS, 3)));

        ApiResponse funnel = call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/" + anna + "/sub-ids",
                Map.of("partnerId", anna), "month=2026-05", null);
        assertEquals(200, funnel.status(), funnel.body());
        assertEquals(Map.of("partnerId", anna, "month", "2026-05", "items", List.of(Map.of("code", "anna-news",
                "parameter", "sub1", "value", "spring", "clicks", 1, "leads", 0, "sales", 1))), funnel.jsonBody());
        assertEquals(List.of(), call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/" + anna
                + "/sub-ids", Map.of("partnerId", anna), "month=2026-04", null).jsonBody().get("items"));
    }

    @Test
    void aPartnersFunnel_ofAnUnknownOrMalformedPartnerIs404_andABadMonth400() {
        String unknown = "01JC0000000000000000000001";
        assertEquals(404, call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/" + unknown + "/sub-ids",
                Map.of("partnerId", unknown), "month=2026-05", null).status());
        assertEquals(404, call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/x/sub-ids",
                Map.of("partnerId", "<script>"), "month=2026-05", null).status());
        String anna = createPartner("anna@partner.example");
        assertEquals(200, call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/" + anna + "/sub-ids",
                Map.of("partnerId", anna), "", null).status(), "no month: this month's");
        for (String query : new String[]{"month=", "month=2026-13", "month=may", "month=<b>"}) {
            ApiResponse response = call("GET /admin/partners/{partnerId}/sub-ids", "/admin/partners/" + anna
                    + "/sub-ids", Map.of("partnerId", anna), query, null);
            assertEquals(400, response.status(), query);
            assertTrue(response.body().contains("\"field\":\"month\""), response.body());
        }
    }

    private String createPartner(String email) {
        ApiResponse created = call("POST /admin/partners", "/admin/partners", Map.of(), "",
                "{\"name\":\"Partner\",\"email\":\"" + email + "\"}");
        assertEquals(201, created.status(), created.body());
        return (String) created.jsonBody().get("id");
    }

    private static Projected count(String partner, YearMonth month, String code, String value, String metric,
                                   int sequence) {
        return new Projected(String.format("%021d", sequence), List.of(), null, null,
                List.of(new SubIdCount(new PartnerId(partner), month, code, "sub1", value, metric, 1)));
    }
}

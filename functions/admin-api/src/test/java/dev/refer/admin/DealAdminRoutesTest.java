package dev.refer.admin;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.deal.RegisterDeal;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.deal.DynamoDbDealRegistry;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manager's deal-registration routes, through the admin handler on DynamoDB Local. */
class DealAdminRoutesTest {

    private TestTable table;
    private AdminApiHandler handler;
    private String dealId;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    private ApiResponse call(String routeKey, String path, Map<String, String> params, String query, String json) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json").route(routeKey, path, params)
                .query(query == null ? "" : query, query == null ? Map.of()
                        : Map.of(query.substring(0, query.indexOf('=')), query.substring(query.indexOf('=') + 1)));
        if (json != null) {
            event.body("application/json", json);
        }
        return event.invoke(handler);
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        handler = new AdminApiHandler(table.environment());
        String partner = (String) call("POST /admin/partners", "/admin/partners", Map.of(), null,
                "{\"name\":\"Anna\",\"email\":\"anna@partner.example\"}").jsonBody().get("id");
        DynamoDbDealRegistry registry = new DynamoDbDealRegistry(table.client(), table.config());
        Clock clock = Clock.systemUTC();
        var result = new RegisterDeal(registry, registry, new DynamoDbPartnerRepository(table.client(),
                table.config()), new UlidGenerator(clock), clock).register(new RegisterDeal.Command(
                new PartnerId(partner), "Acme", "acme.example", null, null, "<b>big</b> deal"));
        dealId = ((RegisterDeal.Result.Registered) result).deal().id().value();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed(String status) {
        ApiResponse list = call("GET /admin/deals", "/admin/deals", Map.of(), "status=" + status, null);
        assertEquals(200, list.status(), list.body());
        return (List<Map<String, Object>>) list.jsonBody().get("items");
    }

    @Test
    void pendingRegistrations_areListed_thenApproved() {
        assertEquals(List.of(dealId), listed("pending").stream().map(d -> d.get("dealId")).toList());
        assertEquals("<b>big</b> deal", listed("pending").getFirst().get("notes"), "JSON carries text as text");
        ApiResponse approved = call("POST /admin/deals/{dealId}/approve", "/admin/deals/" + dealId + "/approve",
                Map.of("dealId", dealId), null, null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.jsonBody().get("status"));
        assertEquals(List.of(dealId), listed("approved").stream().map(d -> d.get("dealId")).toList());
        assertTrue(listed("pending").isEmpty());
        assertEquals(409, call("POST /admin/deals/{dealId}/approve", "/admin/deals/" + dealId + "/approve",
                Map.of("dealId", dealId), null, null).status(), "approved once");
    }

    @Test
    void aRejection_needsAReason_andFreesTheDomain() {
        String path = "/admin/deals/" + dealId + "/reject";
        ApiResponse noReason = call("POST /admin/deals/{dealId}/reject", path, Map.of("dealId", dealId), null,
                "{}");
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("reason"));
        ApiResponse rejected = call("POST /admin/deals/{dealId}/reject", path, Map.of("dealId", dealId), null,
                "{\"reason\":\"Already our customer\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("Already our customer", rejected.jsonBody().get("reason"));
        assertEquals(0, table.count("DEAL_DOMAIN"));
        assertEquals(1, listed("rejected").size());
    }

    @Test
    void unknownIdsAndBadInput_areAnsweredPlainly() {
        assertEquals(404, call("POST /admin/deals/{dealId}/approve", "/admin/deals/nope/approve",
                Map.of("dealId", "nope"), null, null).status());
        assertEquals(404, call("POST /admin/deals/{dealId}/approve", "/admin/deals/x/approve",
                Map.of("dealId", "01JC0000000000000000000099"), null, null).status());
        assertEquals(400, call("GET /admin/deals", "/admin/deals", Map.of(), "status=everything", null).status());
        assertEquals(415, ApiEvent.fixture("http-api-request.json").route("POST /admin/deals/{dealId}/reject",
                "/admin/deals/" + dealId + "/reject", Map.of("dealId", dealId)).query("", Map.of())
                .body("text/plain", "reason=x").invoke(handler).status());
    }

    @Test
    void theRegistrationPeriod_isASetting() {
        assertEquals(90, call("GET /admin/deal-settings", "/admin/deal-settings", Map.of(), null, null).jsonBody()
                .get("registrationDays"));
        assertEquals(200, call("PUT /admin/deal-settings", "/admin/deal-settings", Map.of(), null,
                "{\"registrationDays\":30}").status());
        assertEquals(30, call("GET /admin/deal-settings", "/admin/deal-settings", Map.of(), null, null).jsonBody()
                .get("registrationDays"));
        assertEquals(400, call("PUT /admin/deal-settings", "/admin/deal-settings", Map.of(), null,
                "{\"registrationDays\":0}").status());
    }
}

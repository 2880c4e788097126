package dev.refer.redirect;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The redirect as Lambda runs it: production wiring, a real HTTP API event, DynamoDB Local behind it. */
class RedirectHandlerTest {

    private TestTable table;
    private RedirectHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        ProgramFixture seed = new ProgramFixture(table.client(), table.config());
        seed.program();
        Partner anna = seed.activePartner("anna@partner.example");
        seed.link(anna, "anna-news", true);
        seed.link(anna, "anna-old", false);
        Map<String, String> env = new HashMap<>(table.environment());
        env.put("CLICK_RETENTION_DAYS", "90");
        env.put("LOOKUP_CACHE_TTL_SECONDS", "0");
        handler = new RedirectHandler(env);
    }

    private static ApiEvent get(String code) {
        return ApiEvent.fixture("http-api-request.json").route("GET /{code}", "/" + code, Map.of("code", code));
    }

    @Test
    void get_whenLinkIsActive_redirectsWithRefRidAndUtmAndRecordsOneClick() {
        ApiResponse response = get("anna-news").invoke(handler);
        assertEquals(302, response.status());
        String location = response.header("location");
        assertTrue(location.startsWith("https://example.com/pricing?plan=pro&utm_source=linkedin&utm_medium=social&ref=anna-news&rid="),
                location);
        assertEquals("no-store", response.header("cache-control"));
        String rid = location.substring(location.indexOf("rid=") + 4);
        assertEquals(1, table.count("CLICK"));
        var click = table.item("CLICK#" + rid, "CLICK");
        assertNotNull(click, "the click is stored under the rid the visitor carries");
        assertEquals("anna-news", click.get("code").s());
        assertTrue(Long.parseLong(click.get("expiresAt").n()) > System.currentTimeMillis() / 1000 + 89L * 86_400);
    }

    @Test
    void get_whenAPreviewBotFollows_redirectsWithoutRidAndCountsNothing() {
        ApiResponse response = get("anna-news")
                .header("user-agent", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")
                .invoke(handler);
        assertEquals(302, response.status());
        assertFalse(response.header("location").contains("rid="));
        assertEquals(0, table.count("CLICK"));
    }

    @Test
    void get_whenCodeIsUnknownDisabledOrMalformed_answers404HtmlAndCountsNothing() {
        for (String code : new String[]{"nobody-here", "anna-old", "a", "%00bad"}) {
            ApiResponse response = get(code).invoke(handler);
            assertEquals(404, response.status(), code);
            assertTrue(response.header("content-type").startsWith("text/html"), code);
            assertTrue(response.body().contains("This link does not exist"), code);
        }
        assertEquals(0, table.count("CLICK"));
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

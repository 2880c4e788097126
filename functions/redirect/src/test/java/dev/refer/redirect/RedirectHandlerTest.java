package dev.refer.redirect;

import dev.refer.core.link.SubIdSettings;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.link.ClickMapper;
import dev.refer.dynamodb.link.DynamoDbSubIdSettings;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Test
    void get_forwardsEveryQueryParameter_dropsTheVisitorsRefAndRid_andRecordsTheProgramsSubIds() {
        new DynamoDbSubIdSettings(table.client(), table.config())
                .save(new SubIdSettings(List.of("sub1", "sub2")));
        ApiResponse response = get("anna-news")
                .query("gclid=Cj0KCQ&fbclid=IwAR2&sub1=spring%20mail&sub2=M%C3%BCnchen&tag=a&tag=b&rid=01JCFORGED"
                        + "&REF=someone-else", Map.of())
                .invoke(handler);

        assertEquals(302, response.status());
        String location = response.header("location");
        assertTrue(location.startsWith("https://example.com/pricing?plan=pro&gclid=Cj0KCQ&fbclid=IwAR2"
                + "&sub1=spring+mail&sub2=M%C3%BCnchen&tag=a&tag=b&ref=anna-news&rid="), location);
        assertFalse(location.contains("FORGED") || location.contains("someone-else"), location);
        String rid = location.substring(location.indexOf("&rid=") + 5);
        var click = table.item("CLICK#" + rid, "CLICK");
        assertEquals(Map.of("sub1", "spring mail", "sub2", "M%C3%BCnchen"), ClickMapper.subIdsOf(click.get("subIds").m()));
        assertEquals(Set.of("pk", "sk", "type", "code", "partnerId", "campaign", "at", "expiresAt", "subIds"),
                click.keySet(), "of the query, only the sub-ids are stored");
    }

    @Test
    void get_whenTheVisitIsHostile_theLocationStaysOneSafeHeaderWithinTheCap() {
        ApiResponse response = get("anna-news")
                .query("x=%0D%0ASet-Cookie:%20a=b&y=%23frag&%E2%9C%93=%F0%9F%98%80&bad=%zz&big="
                        + "z".repeat(5000) + "&after=1", Map.of())
                .invoke(handler);

        assertEquals(302, response.status());
        String location = response.header("location");
        assertTrue(location.length() <= 4096, "length " + location.length());
        assertTrue(location.chars().allMatch(c -> c > 0x20 && c < 0x7f), location);
        assertTrue(location.contains("&x=%0D%0ASet-Cookie%3A+a%3Db&y=%23frag&%E2%9C%93=%F0%9F%98%80&ref=anna-news&rid="),
                location);
        assertFalse(location.contains("bad=") || location.contains("big=") || location.contains("after="), location);
        assertEquals(1, table.count("CLICK"));
    }

    @Test
    void get_whenTheProgramNamesNoSubIds_recordsNone() {
        ApiResponse response = get("anna-news").query("sub1=spring", Map.of()).invoke(handler);
        String location = response.header("location");
        assertTrue(location.contains("sub1=spring&ref=anna-news&rid="), location);
        var click = table.item("CLICK#" + location.substring(location.indexOf("&rid=") + 5), "CLICK");
        assertFalse(click.containsKey("subIds"));
    }
}

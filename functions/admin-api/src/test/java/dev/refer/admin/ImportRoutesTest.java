package dev.refer.admin;

import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.emulators.MotoServer;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /admin/partners/import} through the handler, on DynamoDB Local (and the mail queue in moto): the same
 * file twice, concurrently, a code another partner holds, and hostile files, each refused with nothing stored.
 */
class ImportRoutesTest {

    private static final String ROUTE = "POST /admin/partners/import";
    private static final String FILE = """
            name,email,status,codes,plan,company
            Ada Lovelace,ada@partner.example,active,Ada-News|ada_2026,saleRateBps=1500;leadRewardMinor=1000,"Lovelace, Ltd"
            Grace Hopper,grace@partner.example,,grace1,,
            """;

    private static MotoServer moto;
    private static SqsClient sqs;

    private TestTable table;
    private Map<String, String> env;
    private AdminApiHandler handler;
    private String queue;

    @BeforeAll
    static void start() {
        LocalSdk.useSharedDynamoDbLocal();
        moto = MotoServer.start();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        moto.close();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        queue = sqs.createQueue(r -> r.queueName("mail-" + table.name())).queueUrl();
        env = new HashMap<>(table.environment());
        env.put("MAIL_QUEUE_URL", queue);
        env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
        handler = new AdminApiHandler(env);
        ApiResponse program = ApiEvent.fixture("http-api-request.json").route("PUT /admin/program", "/admin/program",
                Map.of()).body("application/json", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""")
                .invoke(handler);
        assertEquals(200, program.status(), program.body());
    }

    private ApiResponse post(String csv) {
        return post(handler, "text/csv", csv, "");
    }

    private static ApiResponse post(AdminApiHandler handler, String contentType, String csv, String query) {
        return ApiEvent.fixture("http-api-request.json").route(ROUTE, "/admin/partners/import", Map.of())
                .query(query, query.isEmpty() ? Map.of() : Map.of(query.substring(0, query.indexOf('=')),
                        query.substring(query.indexOf('=') + 1)))
                .body(contentType, csv).invoke(handler);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(ApiResponse response) {
        return (List<Map<String, Object>>) response.jsonBody().get("rows");
    }

    /** The table's items but the program, in a stable order. */
    private List<Map<String, AttributeValue>> stored() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(table.items().stream()
                .filter(i -> !i.get("type").s().equals("PROGRAM")).toList());
        items.sort(Comparator.comparing(i -> i.get("pk").s() + "|" + i.get("sk").s()));
        return items;
    }

    private String partnerIdOf(String email) {
        return table.item("PARTNER_EMAIL#test#" + email, "PARTNER_EMAIL").get("partnerId").s();
    }

    @Test
    void aFileImportedTwiceChangesNothingTheSecondTime() {
        ApiResponse first = post(FILE);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, ((Number) first.jsonBody().get("created")).intValue(), first.body());
        assertEquals(List.of("Ada-News", "ada_2026"), rows(first).get(0).get("codesAdded"));
        assertEquals(2, rows(first).get(0).get("line"));
        String ada = partnerIdOf("ada@partner.example");
        Map<String, AttributeValue> link = table.item("LINK#Ada-News", "LINK");
        assertEquals(ada, link.get("partnerId").s(), "the code exactly as given, case and all");
        assertEquals(null, table.item("LINK#ada-news", "LINK"));
        Map<String, AttributeValue> partner = table.item("PARTNER#" + ada, "PARTNER");
        assertEquals("Lovelace, Ltd", partner.get("company").s());
        assertEquals("1500", partner.get("plan").m().get("sale").m().get("bps").n());
        List<Map<String, AttributeValue>> before = stored();
        assertEquals(2, table.count("PARTNER"));
        assertEquals(3, table.count("LINK"));

        ApiResponse second = post(FILE);
        assertEquals(200, second.status(), second.body());
        assertEquals(2, ((Number) second.jsonBody().get("unchanged")).intValue(), second.body());
        assertEquals(0, ((Number) second.jsonBody().get("created")).intValue());
        assertEquals(before, stored(), "not one item written differently");
        assertTrue(queued().isEmpty(), "no email without invite=true");
    }

    @Test
    void aRowThatDiffersUpdatesWhatItMay_andSaysWhat() {
        post(FILE);
        ApiResponse changed = post("""
                name,email,status,codes,plan,company
                Ada King,ada@partner.example,suspended,Ada-News|ada_2026|ada-3,,"Lovelace, Ltd"
                """);
        assertEquals(200, changed.status(), changed.body());
        Map<String, Object> row = rows(changed).getFirst();
        assertEquals("updated", row.get("outcome"));
        assertEquals(List.of("name", "plan", "status", "codes"), row.get("changed"));
        assertEquals(List.of("ada-3"), row.get("codesAdded"));
        String ada = partnerIdOf("ada@partner.example");
        Map<String, AttributeValue> partner = table.item("PARTNER#" + ada, "PARTNER");
        assertEquals("Ada King", partner.get("name").s());
        assertEquals("SUSPENDED", partner.get("status").s());
        assertTrue(!partner.containsKey("plan"), "a blank plan: the program's default");
        for (String code : List.of("Ada-News", "ada_2026", "ada-3")) {
            assertEquals(false, table.item("LINK#" + code, "LINK").get("partnerActive").bool(), code);
        }
    }

    @Test
    void aCodeOwnedByAnotherPartnerIsARowError_neverASteal_andTheRowStoresNothing() {
        post(FILE);
        List<Map<String, AttributeValue>> before = stored();
        String grace = partnerIdOf("grace@partner.example");

        ApiResponse refused = post("""
                name,email,codes
                Linus,linus@partner.example,linus-1|grace1
                """);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("content-type"));
        assertTrue(refused.body().contains("\"field\":\"line 2: codes\""), refused.body());
        assertTrue(refused.body().contains("grace1 belongs to another partner"), refused.body());
        assertEquals("rejected", rows(refused).getFirst().get("outcome"));
        assertEquals(before, stored(), "no partner, no link, not even linus-1");
        assertEquals(grace, table.item("LINK#grace1", "LINK").get("partnerId").s());

        ApiResponse mixed = post("""
                name,email,codes
                Linus,linus@partner.example,linus-1|grace1
                Ken,ken@partner.example,ken-1
                """);
        assertEquals(200, mixed.status(), "a file with a good row is imported: the report says which row was not");
        assertEquals(1, ((Number) mixed.jsonBody().get("rejected")).intValue());
        assertEquals(1, ((Number) mixed.jsonBody().get("created")).intValue());
        assertEquals(3, table.count("PARTNER"));
    }

    @Test
    void theSameFileImportedTwiceAtOnceMakesEachPartnerAndLinkOnce() throws Exception {
        StringBuilder csv = new StringBuilder("name,email,codes\n");
        for (int i = 0; i < 20; i++) {
            csv.append("Partner ").append(i).append(",p").append(i).append("@partner.example,code-").append(i)
                    .append("|alt-").append(i).append('\n');
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Supplier<ApiResponse> importing = () -> {
            AdminApiHandler own = new AdminApiHandler(env);
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return post(own, "text/csv", csv.toString(), "");
        };
        CompletableFuture<ApiResponse> a = CompletableFuture.supplyAsync(importing);
        CompletableFuture<ApiResponse> b = CompletableFuture.supplyAsync(importing);
        ApiResponse first = a.get();
        ApiResponse second = b.get();
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        int created = ((Number) first.jsonBody().get("created")).intValue()
                + ((Number) second.jsonBody().get("created")).intValue();
        assertEquals(20, created, "each partner made by one of the two: " + first.body() + second.body());
        assertEquals(0, ((Number) first.jsonBody().get("rejected")).intValue(), first.body());
        assertEquals(0, ((Number) second.jsonBody().get("rejected")).intValue(), second.body());
        assertEquals(20, table.count("PARTNER"));
        assertEquals(20, table.count("PARTNER_EMAIL"));
        assertEquals(40, table.count("LINK"));
        for (int i = 0; i < 20; i++) {
            String id = partnerIdOf("p" + i + "@partner.example");
            assertEquals(id, table.item("LINK#code-" + i, "LINK").get("partnerId").s());
            assertEquals(id, table.item("LINK#alt-" + i, "LINK").get("partnerId").s());
        }
    }

    @Test
    void hostileTextIsKeptAsText_formulasScriptsQuotesBomCrlfAndEmptyLines() {
        String csv = "\uFEFFname,email,company,codes\r\n"
                + "\r\n"
                + "\"=cmd|' /C calc'!A0\",eve@partner.example,\"<script>alert(1)</script>\",eve-1\r\n"
                + "\r\n"
                + "\"@SUM(1+1)\",\"mal@partner.example\",\"+1 \"\"quoted\"\"\",\r\n";
        ApiResponse response = post(csv);
        assertEquals(200, response.status(), response.body());
        assertEquals(List.of(3, 5), rows(response).stream().map(r -> r.get("line")).toList(),
                "line numbers as an editor shows them, blank lines counted and skipped");
        Map<String, AttributeValue> eve = table.item("PARTNER#" + partnerIdOf("eve@partner.example"), "PARTNER");
        assertEquals("=cmd|' /C calc'!A0", eve.get("name").s());
        assertEquals("<script>alert(1)</script>", eve.get("company").s());
        Map<String, AttributeValue> mal = table.item("PARTNER#" + partnerIdOf("mal@partner.example"), "PARTNER");
        assertEquals("@SUM(1+1)", mal.get("name").s());
        assertEquals("+1 \"quoted\"", mal.get("company").s());
        assertEquals("application/json", response.header("content-type"), "a JSON report, never a page");
    }

    @Test
    void aFileThatIsNotOneWeReadIsRefusedWithNothingStored() {
        assertRefused(post(handler, "application/json", "{\"csv\":\"name,email\"}", ""), 415, "unsupported-media-type");
        assertRefused(post(handler, "text/plain", FILE, ""), 415, "unsupported-media-type");
        assertRefused(post(handler, "text/csv; charset=iso-8859-1", FILE, ""), 415, "unsupported-media-type");
        assertRefused(post(handler, "text/csv", FILE, "invite=maybe"), 400, "validation");
        assertRefused(post("name,email\nAda,\"ada@partner.example\"x\n"), 400, "validation");
        assertRefused(post("name,email\nAda,\"ada@partner.example\n"), 400, "validation");
        assertRefused(post("name,email,phone\nAda,ada@partner.example,1\n"), 400, "validation");
        assertRefused(post("name;email\nAda;ada@partner.example\n"), 400, "validation");
        assertRefused(post("email,status\nada@partner.example,active\n"), 400, "validation");
        assertRefused(post("name,email,name\nAda,ada@partner.example,Ada\n"), 400, "validation");
        assertRefused(post("name,email\n"), 400, "validation");
        assertRefused(post(""), 400, "validation");

        StringBuilder big = new StringBuilder("name,email\n");
        while (big.length() <= ImportRoutes.MAX_BODY_BYTES) {
            big.append("Someone,someone@partner.example\n");
        }
        assertRefused(post(big.toString()), 413, "body-too-large");
        StringBuilder many = new StringBuilder("name,email\n");
        for (int i = 0; i <= 100; i++) {
            many.append("P,p").append(i).append("@partner.example\n");
        }
        assertRefused(post(many.toString()), 413, "too-many-rows");

        byte[] latin1 = "name,email\nJos\u00e9,jose@partner.example\n".getBytes(StandardCharsets.ISO_8859_1);
        ApiResponse notUtf8 = ApiEvent.fixture("http-api-request.json").route(ROUTE, "/admin/partners/import", Map.of())
                .header("content-type", "text/csv").rawBody(Base64.getEncoder().encodeToString(latin1), true)
                .invoke(handler);
        assertRefused(notUtf8, 400, "validation");
        assertTrue(notUtf8.body().contains("must be UTF-8"), notUtf8.body());
    }

    private void assertRefused(ApiResponse response, int status, String type) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertTrue(response.body().contains("problems/" + type), response.body());
        assertEquals(List.of(), stored(), "nothing stored: " + response.body());
    }

    @Test
    void everyRowRefusedIsA422NamingEachLineAndColumn() {
        ApiResponse response = post("""
                name,email,status,codes,plan
                ,not-an-email,retired,ab|admin,saleRateBps=20000
                Ada,ada@partner.example,,ok-code,sale=20%
                """);
        assertEquals(422, response.status(), response.body());
        for (String field : List.of("line 2: email", "line 2: name", "line 2: status", "line 2: plan", "line 2: codes",
                "line 3: plan")) {
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), field + " in " + response.body());
        }
        assertEquals(List.of(), stored());
    }

    @Test
    void invitationsGoOnlyWhenAsked_oncePerActivePartner_throughTheMailQueue() {
        assertEquals(200, post(FILE).status());
        assertTrue(queued().isEmpty());
        ApiResponse invited = post(handler, "text/csv", FILE + "Pat,pat@partner.example,pending,,,\n", "invite=true");
        assertEquals(200, invited.status(), invited.body());
        List<Object> flags = rows(invited).stream().map(r -> r.get("invited")).toList();
        assertEquals(List.of(true, true, false), flags);
        List<String> messages = queued();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(partnerIdOf("ada@partner.example"))), messages.toString());
        assertTrue(messages.stream().noneMatch(m -> m.contains(partnerIdOf("pat@partner.example"))), messages.toString());
    }

    private List<String> queued() {
        List<String> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
            batch.forEach(m -> bodies.add(m.body()));
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return bodies;
    }
}

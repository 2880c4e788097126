package dev.refer.admin;

import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terms, applications and invitations in the admin API, against DynamoDB Local and the mail queue in moto. */
class OnboardingRoutesTest {

    private static MotoServer moto;
    private static SqsClient sqs;

    private TestTable table;
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
        Map<String, String> env = new HashMap<>(table.environment());
        env.put("MAIL_QUEUE_URL", queue);
        env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
        handler = new AdminApiHandler(env);
        ApiResponse program = call("PUT /admin/program", "/admin/program", Map.of(), """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""");
        assertEquals(200, program.status(), program.body());
    }

    private ApiResponse call(String routeKey, String path, Map<String, String> params, String json) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query("", Map.of());
        if (json != null) {
            event.body("application/json", json);
        }
        return event.invoke(handler);
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

    private ApplicationId apply(String id, String email) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        Application application = new Application(new ApplicationId(id), "Grace <script>", new EmailAddress(email),
                "Hopper & Co", "https://hopper.example", "US", List.of(Channel.NEWSLETTER), "CTOs", null, "v1",
                "203.0.113.9", "Mozilla/5.0", ApplicationStatus.PENDING, null, null, at, at, null);
        new DynamoDbApplicationBook(table.client(), table.config()).submit(application);
        return application.id();
    }

    @Test
    void terms_arePublishedOnceAVersion_theirNoticeQueued_andListedWithTheirHistory() {
        ApiResponse published = call("POST /admin/terms", "/admin/terms", Map.of(),
                "{\"version\":\"v1\",\"text\":\"The terms.\"}");
        assertEquals(201, published.status(), published.body());
        assertEquals("v1", published.jsonBody().get("version"));
        assertEquals("terms#v1", ((Map<?, ?>) published.jsonBody().get("notice")).get("campaign"));
        assertTrue(queued().stream().anyMatch(b -> b.contains("\"campaign\":\"terms#v1\"")),
                "the notice goes through the mail queue");

        assertEquals(201, call("POST /admin/terms", "/admin/terms", Map.of(),
                "{\"version\":\"v1\",\"text\":\"The terms.\"}").status(), "the same request again");
        ApiResponse edited = call("POST /admin/terms", "/admin/terms", Map.of(),
                "{\"version\":\"v1\",\"text\":\"Changed.\"}");
        assertEquals(409, edited.status());
        assertEquals("application/problem+json", edited.header("content-type"));
        ApiResponse invalid = call("POST /admin/terms", "/admin/terms", Map.of(), "{\"version\":\"v 2\"}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("\"field\":\"version\"") && invalid.body().contains("\"field\":\"text\""),
                invalid.body());
        call("POST /admin/terms", "/admin/terms", Map.of(), "{\"version\":\"v2\",\"text\":\"Newer.\"}");

        ApiResponse terms = call("GET /admin/terms", "/admin/terms", Map.of(), null);
        assertEquals("v2", ((Map<?, ?>) terms.jsonBody().get("current")).get("version"));
        List<?> history = (List<?>) ((Map<?, ?>) terms.jsonBody().get("history")).get("items");
        assertEquals(List.of("v2", "v1"), history.stream().map(h -> ((Map<?, ?>) h).get("version")).toList());
        assertEquals(2, table.count("TERMS"));
    }

    @Test
    void approval_makesOnePartnerWithAFirstLinkAndTheAcceptance_andAsksForOneWelcome_howeverOftenCalled() {
        call("POST /admin/terms", "/admin/terms", Map.of(), "{\"version\":\"v1\",\"text\":\"The terms.\"}");
        queued();
        ApplicationId id = apply("01JD0000000000000000000031", "grace@hopper.example");

        ApiResponse pending = ApiEvent.fixture("http-api-request.json")
                .route("GET /admin/applications", "/admin/applications", Map.of())
                .query("status=pending", Map.of("status", "pending")).invoke(handler);
        assertEquals(200, pending.status(), pending.body());
        List<?> items = (List<?>) pending.jsonBody().get("items");
        assertEquals("Grace <script>", ((Map<?, ?>) items.getFirst()).get("name"), "JSON carries it as data");

        String path = "/admin/applications/" + id.value() + "/approve";
        ApiResponse approved = call("POST /admin/applications/{applicationId}/approve", path,
                Map.of("applicationId", id.value()), null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.jsonBody().get("status"));
        assertEquals(id.value(), approved.jsonBody().get("partnerId"));
        Map<?, ?> link = (Map<?, ?>) approved.jsonBody().get("firstLink");
        assertEquals("https://www.example.com/", link.get("destination"));
        ApiResponse again = call("POST /admin/applications/{applicationId}/approve", path,
                Map.of("applicationId", id.value()), null);
        assertEquals(200, again.status());
        assertEquals(link.get("code"), ((Map<?, ?>) again.jsonBody().get("firstLink")).get("code"));

        assertEquals(1, table.count("PARTNER"));
        assertEquals(1, table.count("LINK"));
        assertEquals(1, table.count("TERMS_ACCEPTANCE"));
        assertEquals(2, queued().stream().filter(b -> b.contains("\"type\":\"onboarding\"")
                && b.contains("\"event\":\"decided\"")).count(), "asked twice: the worker's send log sends once");

        ApiResponse acceptances = call("GET /admin/partners/{partnerId}/terms",
                "/admin/partners/" + id.value() + "/terms", Map.of("partnerId", id.value()), null);
        assertEquals(200, acceptances.status(), acceptances.body());
        Map<?, ?> acceptance = (Map<?, ?>) ((List<?>) acceptances.jsonBody().get("items")).getFirst();
        assertEquals("v1", acceptance.get("version"));
        assertEquals("203.0.113.9", acceptance.get("ip"));
        assertEquals("Mozilla/5.0", acceptance.get("userAgent"));
        assertEquals("2026-12-01T09:00:00Z", acceptance.get("acceptedAt"));

        ApiResponse reject = call("POST /admin/applications/{applicationId}/reject",
                "/admin/applications/" + id.value() + "/reject", Map.of("applicationId", id.value()),
                "{\"reason\":\"No\"}");
        assertEquals(409, reject.status(), "a decision is final");
    }

    @Test
    void rejection_needsAReason_andUnknownOrMalformedIdsAre404() {
        ApplicationId id = apply("01JD0000000000000000000032", "sam@roe.example");
        String path = "/admin/applications/" + id.value() + "/reject";
        ApiResponse noReason = call("POST /admin/applications/{applicationId}/reject", path,
                Map.of("applicationId", id.value()), "{}");
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        ApiResponse rejected = call("POST /admin/applications/{applicationId}/reject", path,
                Map.of("applicationId", id.value()), "{\"reason\":\"Not a fit for now.\"}");
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("rejected", rejected.jsonBody().get("status"));
        assertEquals("Not a fit for now.", rejected.jsonBody().get("reason"));
        assertEquals(0, table.count("PARTNER"));
        assertEquals(409, call("POST /admin/applications/{applicationId}/approve",
                "/admin/applications/" + id.value() + "/approve", Map.of("applicationId", id.value()), null)
                .status());

        for (String bad : List.of("nope", "01JD0000000000000000000099")) {
            assertEquals(404, call("GET /admin/applications/{applicationId}", "/admin/applications/" + bad,
                    Map.of("applicationId", bad), null).status(), bad);
            assertEquals(404, call("POST /admin/applications/{applicationId}/approve",
                    "/admin/applications/" + bad + "/approve", Map.of("applicationId", bad), null).status(), bad);
        }
        assertEquals(404, call("GET /admin/partners/{partnerId}/terms", "/admin/partners/01JD0000000000000000000099"
                + "/terms", Map.of("partnerId", "01JD0000000000000000000099"), null).status());
        ApiResponse badStatus = ApiEvent.fixture("http-api-request.json")
                .route("GET /admin/applications", "/admin/applications", Map.of())
                .query("status=maybe", Map.of("status", "maybe")).invoke(handler);
        assertEquals(400, badStatus.status());
    }

    @Test
    void anInvitation_makesAnActivePartnerWithAFirstLink_andQueuesTheInvitation() {
        ApiResponse invited = call("POST /admin/invitations", "/admin/invitations", Map.of(),
                "{\"name\":\"Linus\",\"email\":\"linus@partner.example\",\"company\":\"Kernel\","
                        + "\"plan\":{\"saleRateBps\":3000}}");
        assertEquals(201, invited.status(), invited.body());
        Map<?, ?> partner = (Map<?, ?>) invited.jsonBody().get("partner");
        assertEquals("ACTIVE", partner.get("status"));
        assertNotNull(invited.jsonBody().get("firstLink"));
        assertTrue(queued().stream().anyMatch(b -> b.contains("\"event\":\"invited\"")
                && b.contains((String) partner.get("id"))));

        assertEquals(409, call("POST /admin/invitations", "/admin/invitations", Map.of(),
                "{\"name\":\"Linus\",\"email\":\"LINUS@partner.example\"}").status());
        ApiResponse invalid = call("POST /admin/invitations", "/admin/invitations", Map.of(),
                "{\"name\":\"X\",\"email\":\"x\"}");
        assertEquals(400, invalid.status());
        assertEquals(1, table.count("PARTNER"));
    }

    @Test
    void onboardingSettings_roundTrip_andTheFirstLinkStaysWithinTheAllowedHosts() {
        ApiResponse defaults = call("GET /admin/onboarding", "/admin/onboarding", Map.of(), null);
        assertEquals(false, defaults.jsonBody().get("autoApprove"));
        assertNull(defaults.jsonBody().get("firstLinkDestination"));

        ApiResponse outside = call("PUT /admin/onboarding", "/admin/onboarding", Map.of(),
                "{\"autoApprove\":true,\"firstLinkDestination\":\"https://evil.example/\"}");
        assertEquals(400, outside.status());
        assertTrue(outside.body().contains("\"field\":\"firstLinkDestination\""), outside.body());
        ApiResponse saved = call("PUT /admin/onboarding", "/admin/onboarding", Map.of(),
                "{\"autoApprove\":true,\"firstLinkDestination\":\"https://example.com/partners\"}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals(true, call("GET /admin/onboarding", "/admin/onboarding", Map.of(), null).jsonBody()
                .get("autoApprove"));
    }
}

package dev.refer.admin;

import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook endpoint registry through the admin API, against DynamoDB Local; hostile input on every route. */
class WebhookEndpointRoutesTest {

    private static final String COLLECTION = "/admin/webhook-endpoints";
    private static final String ONE = "/admin/webhook-endpoints/{endpointId}";
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

    private ApiResponse call(String method, String route, String id, String contentType, String body) {
        String path = id == null ? route : route.replace("{endpointId}", id);
        ApiEvent event = ApiEvent.fixture("http-api-request.json")
                .route(method + " " + route, path, id == null ? Map.of() : Map.of("endpointId", id))
                .query("", Map.of());
        if (body != null) {
            event.body(contentType, body);
        }
        return event.invoke(handler);
    }

    private ApiResponse register(String json) {
        return call("POST", COLLECTION, null, "application/json", json);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed() {
        ApiResponse list = call("GET", COLLECTION, null, null, null);
        assertEquals(200, list.status(), list.body());
        return (List<Map<String, Object>>) list.jsonBody().get("items");
    }

    private String registered() {
        ApiResponse created = register("""
                {"url":"https://crm.example.com/hooks/refer","eventTypes":["lead.captured","commission.earned"],
                 "description":"HubSpot"}""");
        assertEquals(201, created.status(), created.body());
        return (String) created.jsonBody().get("id");
    }

    @Test
    void register_showsTheSecretOnce_thenListGetChangeRotateDelete() {
        ApiResponse created = register("""
                {"url":"https://crm.example.com/hooks/refer","eventTypes":["lead.captured","commission.earned"],
                 "description":"<script>alert(1)</script>"}""");
        assertEquals(201, created.status(), created.body());
        String id = (String) created.jsonBody().get("id");
        String secret = (String) created.jsonBody().get("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(COLLECTION + "/" + id, created.header("Location"));
        assertEquals(List.of("lead.captured", "commission.earned"), created.jsonBody().get("eventTypes"));
        assertEquals("<script>alert(1)</script>", created.jsonBody().get("description"), "JSON text, never markup");

        List<Map<String, Object>> items = listed();
        assertEquals(1, items.size());
        assertFalse(items.getFirst().containsKey("secret"));
        ApiResponse got = call("GET", ONE, id, null, null);
        assertEquals(200, got.status());
        assertFalse(got.body().contains(secret.substring(6)));

        ApiResponse changed = call("PATCH", ONE, id, "application/json",
                "{\"eventTypes\":[\"payout.paid\"],\"enabled\":false}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(List.of("payout.paid"), changed.jsonBody().get("eventTypes"));
        assertEquals(false, changed.jsonBody().get("enabled"));
        assertEquals("https://crm.example.com/hooks/refer", changed.jsonBody().get("url"));

        ApiResponse rotated = call("POST", ONE + "/rotate-secret", id, null, null);
        assertEquals(200, rotated.status(), rotated.body());
        assertNotEquals(secret, rotated.jsonBody().get("secret"));
        assertTrue(rotated.jsonBody().get("previousSecretSignsUntil") != null);

        ApiResponse log = call("GET", ONE + "/deliveries", id, null, null);
        assertEquals(200, log.status(), log.body());
        assertEquals(List.of(), log.jsonBody().get("items"));
        assertEquals(204, call("DELETE", ONE, id, null, null).status());
        assertEquals(404, call("DELETE", ONE, id, null, null).status());
        assertEquals(404, call("GET", ONE, id, null, null).status());
        assertTrue(listed().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crm.example.com/", "https://10.0.0.8/", "https://127.0.0.1:8443/",
            "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fc00::5]/", "https://[fd00::1]/",
            "https://localhost/", "https://user:secret@crm.example.com/", "javascript:alert(1)",
            "https://crm.example.com/<script>alert(1)</script>", ""})
    void aUrlThatIsNotAPublicHttpsEndpoint_isA400NamingUrl_andNothingIsStored(String url) {
        ApiResponse response = register("{\"url\":\"" + url + "\",\"eventTypes\":[\"lead.captured\"]}");
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertTrue(response.body().contains("\"url\""), response.body());
        assertTrue(listed().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\":\"https://crm.example.com/\"}",
            "{\"url\":\"https://crm.example.com/\",\"eventTypes\":[]}",
            "{\"url\":\"https://crm.example.com/\",\"eventTypes\":[\"lead.deleted\"]}",
            "{\"url\":\"https://crm.example.com/\",\"eventTypes\":[\"<script>alert(1)</script>\"]}",
            "{\"url\":\"https://crm.example.com/\",\"eventTypes\":\"lead.captured\"}",
            "{\"url\":[\"https://crm.example.com/\"],\"eventTypes\":[\"lead.captured\"]}",
            "{\"url\":\"https://crm.example.com/\",\"eventTypes\":[\"lead.captured\"],\"description\":{\"a\":1}}",
            "{\"url\":", "[]", "null", "\"text\""})
    void badBodies_are4xxProblems_andNothingIsStored(String json) {
        ApiResponse response = register(json);
        assertTrue(response.status() >= 400 && response.status() < 500, response.status() + " " + response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertTrue(listed().isEmpty());
    }

    @Test
    void wrongMediaType_oversizedAndLongDescription_areRefused() {
        assertEquals(415, call("POST", COLLECTION, null, "application/x-www-form-urlencoded",
                "url=https://crm.example.com/").status());
        assertEquals(413, register("{\"url\":\"https://crm.example.com/\",\"eventTypes\":[\"lead.captured\"],"
                + "\"description\":\"" + "x".repeat(40_000) + "\"}").status());
        ApiResponse tooLong = register("{\"url\":\"https://crm.example.com/\",\"eventTypes\":[\"lead.captured\"],"
                + "\"description\":\"" + "x".repeat(201) + "\"}");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("description"));
        assertTrue(listed().isEmpty());
    }

    @Test
    void aChange_isCheckedAsARegistration_andChangesNothingWhenBad() {
        String id = registered();
        for (String bad : List.of("{\"url\":\"https://192.168.1.1/\"}", "{\"eventTypes\":[\"nope\"]}",
                "{\"eventTypes\":[]}", "{\"enabled\":\"maybe\"}", "{\"url\":", "null", "[]")) {
            ApiResponse response = call("PATCH", ONE, id, "application/json", bad);
            assertTrue(response.status() >= 400 && response.status() < 500, bad + " " + response.body());
        }
        assertEquals(415, call("PATCH", ONE, id, "text/plain", "{}").status());
        Object updatedAt = listed().getFirst().get("updatedAt");
        assertEquals(200, call("PATCH", ONE, id, "application/json", "{}").status());
        assertEquals(updatedAt, listed().getFirst().get("updatedAt"), "an empty change writes nothing");
        Map<String, Object> kept = listed().getFirst();
        assertEquals("https://crm.example.com/hooks/refer", kept.get("url"));
        assertEquals(List.of("lead.captured", "commission.earned"), kept.get("eventTypes"));
        assertEquals(true, kept.get("enabled"));
        assertNull(kept.get("previousSecretSignsUntil"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01JC0000000000000000000999", "nope", "..%2F..%2Fadmin", "<script>",
            "01JC00000000000000000009991"})
    void anIdThatIsNotAnEndpoints_is404_onEveryRoute(String id) {
        registered();
        assertEquals(404, call("GET", ONE, id, null, null).status());
        assertEquals(404, call("PATCH", ONE, id, "application/json", "{\"enabled\":false}").status());
        assertEquals(404, call("DELETE", ONE, id, null, null).status());
        assertEquals(404, call("POST", ONE + "/rotate-secret", id, null, null).status());
        assertEquals(404, call("GET", ONE + "/deliveries", id, null, null).status());
        assertEquals(1, listed().size());
        assertEquals(true, listed().getFirst().get("enabled"));
    }

    private ApiResponse replay(String endpointId, String deliveryId) {
        String route = "/admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay";
        return ApiEvent.fixture("http-api-request.json")
                .route("POST " + route, route.replace("{endpointId}", endpointId).replace("{deliveryId}", deliveryId),
                        Map.of("endpointId", endpointId, "deliveryId", deliveryId))
                .query("", Map.of()).invoke(handler);
    }

    @Test
    void aDelivery_isReplayedOntoTheQueue_onlyUnderItsOwnEnabledEndpoint() {
        try (dev.refer.emulators.MotoServer moto = dev.refer.emulators.MotoServer.start();
             software.amazon.awssdk.services.sqs.SqsClient sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
                     .endpointOverride(moto.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                             software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                     .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            String queue = sqs.createQueue(r -> r.queueName("webhooks")).queueUrl();
            Map<String, String> env = new java.util.HashMap<>(table.environment());
            env.put("WEBHOOK_QUEUE_URL", queue);
            env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            handler = new AdminApiHandler(env);
            String id = registered();
            String other = registered();
            // a lead captured, fanned out to both endpoints (the fan-out function's own classes)
            var codec = new dev.refer.sqs.WebhookMessages();
            var endpoints = new dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints(table.client(), table.config());
            java.util.List<dev.refer.core.outbound.OutboundDelivery> fanned = new java.util.ArrayList<>();
            new dev.refer.core.outbound.FanOutEvents(endpoints, new dev.refer.dynamodb.outbound.DynamoDbDeliveryLog(
                    table.client(), table.config(), codec, java.time.Clock.systemUTC()), fanned::addAll).fanOut(
                    dev.refer.core.events.DomainEvents.ofLead(null, new dev.refer.core.lead.Lead(
                            new dev.refer.core.lead.LeadId("01JC0000000000000000000001"),
                            new dev.refer.core.basics.email.EmailAddress("jane@client.example"), "Jane", null, null,
                            null, dev.refer.core.lead.LeadStatus.NEW, null, null, java.time.Instant.now(),
                            java.time.Instant.now(), null, null)));
            String mine = fanned.stream().filter(d -> d.endpointId().value().equals(id)).findFirst().orElseThrow().id();
            String theirs = fanned.stream().filter(d -> d.endpointId().value().equals(other)).findFirst().orElseThrow()
                    .id();

            ApiResponse replayed = replay(id, mine);
            assertEquals(202, replayed.status(), replayed.body());
            var messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
            assertEquals(1, messages.size());
            assertEquals(mine, codec.decode(messages.getFirst().body()).id());

            for (String[] bad : new String[][]{{id, theirs}, {other, mine}, {id, "msg_nothing"},
                    {"not-an-id", mine}, {id, "<script>"}, {"01JZZZZZZZZZZZZZZZZZZZZZZZ", mine}}) {
                ApiResponse refused = replay(bad[0], bad[1]);
                assertEquals(404, refused.status(), String.join(" ", bad) + ": " + refused.body());
                assertEquals("application/problem+json", refused.header("content-type"));
            }
            assertEquals(200, call("PATCH", ONE, id, "application/json", "{\"enabled\":false}").status());
            assertEquals(409, replay(id, mine).status(), "disabled: enable it first");
            assertEquals(0, sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages().size(),
                    "nothing more queued (the first is in flight)");
        }
    }

    @Test
    void withoutADeliveryQueue_aReplayIsA503Problem() {
        String id = registered();
        ApiResponse refused = replay(id, "msg_x");
        assertEquals(503, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("content-type"));
    }
}

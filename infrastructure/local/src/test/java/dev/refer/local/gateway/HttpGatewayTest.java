package dev.refer.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.emulators.HttpRoute;
import dev.refer.local.lambda.LocalFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "test-admin-key";

    private final AtomicReference<JsonNode> lastEvent = new AtomicReference<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpGateway gateway;

    /** Answers with a 201, a header, two cookies and the event's own rawPath and body echoed back. */
    private final RequestStreamHandler echo = (in, out, context) -> {
        invocations.incrementAndGet();
        JsonNode event = JSON.readTree(in);
        lastEvent.set(event);
        var response = JSON.createObjectNode().put("statusCode", 201);
        response.putObject("headers").put("content-type", "text/plain").put("x-request", context.getAwsRequestId());
        response.putArray("cookies").add("a=1; Path=/").add("b=2");
        response.put("body", event.path("rawPath").asText() + " " + event.path("body").asText());
        out.write(JSON.writeValueAsBytes(response));
    };

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void request_reachesTheRoutesFunction_andItsResponseComesBack() throws Exception {
        start(route("POST", "/leads", false, echo));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/leads?x=1"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.com\"}"))
                .header("Content-Type", "application/json").header("Cookie", "ref=abc").build(), ofString());

        assertEquals(201, response.statusCode());
        assertEquals("/leads {\"email\":\"a@example.com\"}", response.body());
        assertEquals("text/plain", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
        JsonNode event = lastEvent.get();
        assertEquals("POST /leads", event.path("routeKey").asText());
        assertEquals("x=1", event.path("rawQueryString").asText());
        assertEquals("ref=abc", event.path("cookies").get(0).asText());
        assertEquals("application/json", event.path("headers").path("content-type").asText());
    }

    @Test
    void formPost_arrivesBase64Encoded() throws Exception {
        start(route("POST", "/leads", false, echo));

        http.send(HttpRequest.newBuilder(uri("/leads")).POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), ofString());

        assertTrue(lastEvent.get().path("isBase64Encoded").asBoolean());
        assertEquals("email=a%40b.c", new String(Base64.getDecoder().decode(lastEvent.get().path("body").asText()),
                StandardCharsets.UTF_8));
    }

    @Test
    void unknownRoute_is404LikeApiGateway() throws Exception {
        start(route("POST", "/leads", false, echo));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/nope/x")).build(), ofString());

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
        assertEquals(0, invocations.get());
    }

    @Test
    void adminRoute_withoutOrWithWrongKey_is403AndNeverInvokesTheFunction() throws Exception {
        start(route("GET", "/admin/program", true, echo));

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/admin/program")).build(), ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/admin/program"))
                .header(AdminKey.HEADER, "guess").build(), ofString());

        assertEquals(403, missing.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", missing.body());
        assertEquals(403, wrong.statusCode());
        assertEquals(0, invocations.get());
    }

    @Test
    void adminRoute_withKey_invokesWithIamIdentity_andWithoutTheKeyHeader() throws Exception {
        start(route("GET", "/admin/program", true, echo));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/program"))
                .header(AdminKey.HEADER, ADMIN_KEY).build(), ofString());

        assertEquals(201, response.statusCode());
        assertFalse(lastEvent.get().path("headers").has(AdminKey.HEADER));
        assertEquals(HttpApiEvents.ADMIN_USER_ARN,
                lastEvent.get().at("/requestContext/authorizer/iam/userArn").asText());
    }

    @Test
    void functionError_is500LikeApiGateway() throws Exception {
        start(route("GET", "/{code}", false, (in, out, context) -> {
            throw new IllegalStateException("boom (expected by the test)");
        }));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/abc")).build(), ofString());

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void responseWithoutStatusCode_isA200WithTheJsonAsBody_andBase64BodiesAreDecoded() throws Exception {
        start(route("GET", "/plain", false, (in, out, context) -> out.write("{\"ok\":true}".getBytes())),
                route("GET", "/binary", false, (in, out, context) -> out.write(("{\"statusCode\":200,"
                        + "\"isBase64Encoded\":true,\"body\":\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2})
                        + "\"}").getBytes())));

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/plain")).build(), ofString());
        HttpResponse<byte[]> binary = http.send(HttpRequest.newBuilder(uri("/binary")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, plain.statusCode());
        assertEquals("{\"ok\":true}", plain.body());
        assertEquals("application/json", plain.headers().firstValue("content-type").orElseThrow());
        assertEquals(2, binary.body().length);
    }

    @Test
    void bodyOverTenMegabytes_is413() throws Exception {
        start(route("POST", "/leads", false, echo));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/leads"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpGateway.MAX_BODY_BYTES + 1])).build(),
                ofString());

        assertEquals(413, response.statusCode());
        assertEquals(0, invocations.get());
    }

    @Test
    void concurrentRequests_runInParallelEnvironments() throws Exception {
        LocalFunction slow = new LocalFunction("Slow", () -> (in, out, context) -> {
            sleep(300);
            out.write("{\"statusCode\":200,\"body\":\"ok\"}".getBytes());
        }, 3, 128);
        gateway = HttpGateway.start(new RouteTable(List.of(new RouteTable.Binding(
                new HttpRoute("GET", "/{code}", false), slow))), new AdminKey(ADMIN_KEY), ScheduleInvoker.NONE, 0, false);

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(uri("/c" + i)).build(), ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertEquals(200, response.get().statusCode());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis < 32 * 300 / 4, "32 requests of 300 ms took " + millis + " ms");
        assertTrue(slow.environmentCount() > 1);
    }

    @Test
    void schedules_runByHandWithTheAdminKey() throws Exception {
        ScheduleInvoker schedules = name -> name.equals("PayoutJob")
                ? Optional.of(("{\"ran\":\"" + name + "\"}").getBytes()) : Optional.empty();
        gateway = HttpGateway.start(new RouteTable(List.of()), new AdminKey(ADMIN_KEY), schedules, 0, false);

        HttpResponse<String> forbidden = http.send(HttpRequest.newBuilder(uri("/_local/schedules/PayoutJob"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), ofString());
        HttpResponse<String> ran = http.send(HttpRequest.newBuilder(uri("/_local/schedules/PayoutJob"))
                .header(AdminKey.HEADER, ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri("/_local/schedules/Nope"))
                .header(AdminKey.HEADER, ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), ofString());

        assertEquals(403, forbidden.statusCode());
        assertEquals(200, ran.statusCode());
        assertEquals("{\"ran\":\"PayoutJob\"}", ran.body());
        assertEquals(404, unknown.statusCode());
    }

    /** referral.js's way locally: the gateway serves the file itself, as CloudFront does on AWS, and no function runs. */
    @Test
    void staticAsset_isServedAtItsPath_withItsHeaders_andNoFunctionRuns() throws Exception {
        byte[] script = "(function(){})();".getBytes(StandardCharsets.UTF_8);
        gateway = HttpGateway.start(new RouteTable(List.of(route("GET", "/{code}", false, echo))),
                new AdminKey(ADMIN_KEY), ScheduleInvoker.NONE, path -> Optional.empty(), LocalControl.NONE,
                List.of(new StaticAsset("/static/referral-9.9.9.js", "text/javascript; charset=utf-8",
                        "public, max-age=31536000, immutable", script)), 0, false);

        HttpResponse<String> asset = http.send(HttpRequest.newBuilder(uri("/static/referral-9.9.9.js")).build(),
                ofString());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/static/referral-9.9.9.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/static/referral-9.9.9.js"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), ofString());
        HttpResponse<String> otherVersion = http.send(HttpRequest.newBuilder(uri("/static/referral-9.9.8.js")).build(),
                ofString());

        assertEquals(200, asset.statusCode());
        assertEquals("(function(){})();", asset.body());
        assertEquals("text/javascript; charset=utf-8", asset.headers().firstValue("content-type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("cache-control").orElseThrow());
        assertEquals("*", asset.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("nosniff", asset.headers().firstValue("x-content-type-options").orElseThrow());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(404, post.statusCode());
        assertEquals(404, otherVersion.statusCode());
        assertEquals(0, invocations.get(), "no function runs for the asset");
        assertEquals(List.of("/static/referral-9.9.9.js"), gateway.assetPaths());
    }

    private void start(RouteTable.Binding... bindings) throws IOException {
        gateway = HttpGateway.start(new RouteTable(List.of(bindings)), new AdminKey(ADMIN_KEY), ScheduleInvoker.NONE,
                0, false);
    }

    private static RouteTable.Binding route(String method, String path, boolean iamAuth,
                                            RequestStreamHandler handler) {
        return new RouteTable.Binding(new HttpRoute(method, path, iamAuth), LocalFunction.of(path, handler));
    }

    private URI uri(String pathAndQuery) {
        return gateway.baseUri().resolve(pathAndQuery);
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

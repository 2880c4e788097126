package dev.refer.local;

import dev.refer.local.gateway.AdminKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack boots from template.yaml with the real handlers wired. What the handlers do is the end-to-end tests'
 * business; this only checks the wiring around them.
 */
class LocalStackTest {

    private static LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withAccessLog(false)
                .withTableName("refer-local-test").withAdminKey("stack-test-key"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void start_createsTheTableAndServesOnLoopback() {
        assertEquals("127.0.0.1", stack.baseUri().getHost());
        assertTrue(stack.dynamoDb().listTables().tableNames().contains("refer-local-test"));
        assertEquals("stack-test-key", stack.adminKey());
        assertTrue(stack.webhookSecret().startsWith("whsec_"));
    }

    @Test
    void adminRoute_needsTheAdminKey_andReachesTheAdminFunctionWithIt() throws Exception {
        HttpResponse<String> forbidden = get("/admin/partners", null);
        HttpResponse<String> allowed = get("/admin/partners", stack.adminKey());

        assertEquals(403, forbidden.statusCode());
        assertTrue(allowed.statusCode() < 500, allowed.statusCode() + " " + allowed.body());
    }

    @Test
    void unknownShortCode_reachesTheRedirectFunction() throws Exception {
        HttpResponse<String> response = get("/no-such-code", null);

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/html"),
                response.headers().toString());
    }

    @Test
    void awaitStreamsIdle_returnsWhenNothingIsPending() {
        stack.awaitStreamsIdle(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path, String adminKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path));
        if (adminKey != null) {
            request.header(AdminKey.HEADER, adminKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

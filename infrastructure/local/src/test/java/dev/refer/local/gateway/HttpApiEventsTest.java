package dev.refer.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.emulators.HttpRoute;
import dev.refer.local.lambda.LocalFunction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpApiEventsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-12T19:03:58.123Z");
    private static final RouteTable.Match REDIRECT = new RouteTable.Match(new RouteTable.Binding(
            new HttpRoute("GET", "/{code}", false), LocalFunction.of("Redirect", (in, out, context) -> { })),
            Map.of("code", "abc"));
    private static final RouteTable.Match LEADS = new RouteTable.Match(new RouteTable.Binding(
            new HttpRoute("POST", "/leads", false), LocalFunction.of("Leads", (in, out, context) -> { })),
            Map.of());

    @Test
    void event_lowerCasesHeaders_joinsRepeats_andMovesCookiesOut() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("User-agent", List.of("curl/8"));
        headers.put("X-Custom", List.of("a", "b"));
        headers.put("Cookie", List.of("ref=abc; rid=123", "theme=dark"));

        APIGatewayV2HTTPEvent event = HttpApiEvents.event(request("GET", "/abc", "", headers, new byte[0]), REDIRECT,
                "req1", RECEIVED, false);

        assertEquals("a,b", event.getHeaders().get("x-custom"));
        assertEquals("127.0.0.1:3000", event.getHeaders().get("host"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("ref=abc", "rid=123", "theme=dark"), event.getCookies());
        assertEquals("curl/8", event.getRequestContext().getHttp().getUserAgent());
        assertEquals(Map.of("code", "abc"), event.getPathParameters());
    }

    @Test
    void event_decodesQueryParameters_joiningRepeatedNames() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.event(
                request("GET", "/abc", "utm_source=news%20letter&tag=a&tag=b&flag", Map.of(), new byte[0]),
                REDIRECT, "req1", RECEIVED, false);

        assertEquals("utm_source=news%20letter&tag=a&tag=b&flag", event.getRawQueryString());
        assertEquals(Map.of("utm_source", "news letter", "tag", "a,b", "flag", ""), event.getQueryStringParameters());
    }

    @Test
    void event_withoutQuery_hasEmptyRawQueryAndNoParameters() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.event(request("GET", "/abc", "", Map.of(), new byte[0]),
                REDIRECT, "req1", RECEIVED, false);

        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void event_base64EncodesFormBodies_andKeepsJsonAsText() {
        byte[] form = "email=a%40example.com&name=Ann".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent formEvent = HttpApiEvents.event(request("POST", "/leads", "",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), form), LEADS, "r", RECEIVED, false);
        APIGatewayV2HTTPEvent jsonEvent = HttpApiEvents.event(request("POST", "/leads", "",
                Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8)), LEADS, "r", RECEIVED, false);

        assertTrue(formEvent.getIsBase64Encoded());
        assertEquals("email=a%40example.com&name=Ann",
                new String(Base64.getDecoder().decode(formEvent.getBody()), StandardCharsets.UTF_8));
        assertFalse(jsonEvent.getIsBase64Encoded());
        assertEquals("{\"email\":\"a@example.com\"}", jsonEvent.getBody());
    }

    @Test
    void toJson_hasThePayload20ShapeAndNames() throws Exception {
        APIGatewayV2HTTPEvent event = HttpApiEvents.event(request("POST", "/leads", "a=1",
                Map.of("Content-Type", List.of("application/json"), "Cookie", List.of("x=1")),
                "{}".getBytes(StandardCharsets.UTF_8)), LEADS, "req1", RECEIVED, true);

        JsonNode json = new ObjectMapper().readTree(HttpApiEvents.toJson(event));

        assertEquals(Set.of("version", "routeKey", "rawPath", "rawQueryString", "cookies", "headers",
                "queryStringParameters", "body", "isBase64Encoded", "requestContext"), fieldNames(json));
        assertEquals("2.0", json.get("version").asText());
        assertEquals("POST /leads", json.get("routeKey").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());
        JsonNode context = json.get("requestContext");
        assertEquals(Set.of("accountId", "apiId", "authorizer", "domainName", "domainPrefix", "http", "requestId",
                "routeKey", "stage", "time", "timeEpoch"), fieldNames(context));
        assertEquals("$default", context.get("stage").asText());
        assertEquals("12/Mar/2026:19:03:58 +0000", context.get("time").asText());
        assertEquals(RECEIVED.toEpochMilli(), context.get("timeEpoch").asLong());
        assertEquals(Set.of("method", "path", "protocol", "sourceIp", "userAgent"), fieldNames(context.get("http")));
        assertEquals("127.0.0.1", context.get("http").get("sourceIp").asText());
        assertEquals(HttpApiEvents.ADMIN_USER_ARN, context.at("/authorizer/iam/userArn").asText());
    }

    private static GatewayRequest request(String method, String path, String query,
                                          Map<String, List<String>> headers, byte[] body) {
        return new GatewayRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

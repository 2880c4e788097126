package dev.refer.http;

import dev.refer.http.testing.ApiEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiGatewayV2CodecTest {

    @Test
    void read_whenGetWithQueryCookiesAndHeaders_exposesThemAsApiGatewaySentThem() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(ApiEvent.fixture("http-api-request.json").json());
        assertEquals("GET /{code}", request.routeKey());
        assertEquals("GET", request.method());
        assertEquals("anna-news", request.pathParameter("code").orElseThrow());
        assertEquals("linkedin", request.query("utm_source").orElseThrow());
        assertEquals(List.of("_ga=GA1.1.1234567890.1732356000", "consent=analytics"), request.cookies());
        assertTrue(request.header("User-Agent").orElseThrow().contains("Safari"));
        assertEquals("CFq2sgLxDoEEJ8w=", request.requestId());
        assertEquals("203.0.113.7", request.sourceIp());
        assertEquals(0, request.body().length);
    }

    @Test
    void read_whenBodyIsBase64_decodesIt() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(ApiEvent.fixture("form-post.json").json());
        assertEquals("application/x-www-form-urlencoded", request.mediaType());
        assertEquals("ada@acme.example", FormBody.parse(request.bodyText()).get("email"));
        assertEquals("", FormBody.parse(request.bodyText()).get("website_url"));
    }

    @Test
    void read_whenQueryParametersAreAbsent_parsesTheRawQueryString() throws IOException {
        byte[] event = ApiEvent.fixture("http-api-request.json").query("a=1&a=2&b=x%20y", Map.of()).json();
        HttpRequest request = ApiGatewayV2Codec.read(event);
        assertEquals("1,2", request.query("a").orElseThrow());
        assertEquals("x y", request.query("b").orElseThrow());
    }

    @Test
    void write_producesAPayload2Response() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiGatewayV2Codec.write(HttpResponse.redirect(302, "https://example.com/?ref=a"), out);
        String json = out.toString();
        assertTrue(json.contains("\"statusCode\":302"), json);
        assertTrue(json.contains("\"location\":\"https://example.com/?ref=a\""), json);
        assertTrue(json.contains("\"isBase64Encoded\":false"), json);
    }

    @Test
    void formBody_whenMalformedPercentEncoding_isRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(FormBody.MalformedFormException.class,
                () -> FormBody.parse("email=%zz"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ApiGatewayV2CodecTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void read_whenRealFixtureRoundTripsThroughWriterAndReader_isUnchanged() throws IOException {
        for (String fixture : List.of("http-api-request.json", "form-post.json")) {
            byte[] original = resource(fixture);
            Object parsed = JsonReader.read(original);
            byte[] rewritten = bytes(JsonWriter.write(parsed));
            assertEquals(parsed, JsonReader.read(rewritten), fixture);
            HttpRequest before = ApiGatewayV2Codec.read(original);
            HttpRequest after = ApiGatewayV2Codec.read(new ByteArrayInputStream(rewritten));
            assertEquals(before.routeKey(), after.routeKey());
            assertEquals(before.method(), after.method());
            assertEquals(before.rawPath(), after.rawPath());
            assertEquals(before.rawQueryString(), after.rawQueryString());
            assertEquals(before.headers(), after.headers());
            assertEquals(before.cookies(), after.cookies());
            assertEquals(before.pathParameters(), after.pathParameters());
            assertEquals(List.copyOf(before.queryParameters().entrySet()),
                    List.copyOf(after.queryParameters().entrySet()));
            assertArrayEquals(before.body(), after.body());
            assertEquals(before.requestId(), after.requestId());
            assertEquals(before.sourceIp(), after.sourceIp());
        }
    }

    @Test
    void read_whenFixtureIsRead_exposesEveryField() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(new ByteArrayInputStream(resource("http-api-request.json")));
        assertEquals("/anna-news", request.rawPath());
        assertEquals("utm_source=linkedin&utm_medium=social", request.rawQueryString());
        assertEquals(List.of("utm_source", "utm_medium"), List.copyOf(request.queryParameters().keySet()));
        assertEquals(Map.of("code", "anna-news"), request.pathParameters());
        assertEquals(10, request.headers().size());
        HttpRequest form = ApiGatewayV2Codec.read(resource("form-post.json"));
        assertEquals("POST", form.method());
        assertEquals("198.51.100.23", form.sourceIp());
        assertTrue(form.bodyText().startsWith("email=ada%40acme.example&"), form.bodyText());
    }

    @Test
    void read_whenHeaderNamesAreMixedCase_lowerCasesThem() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes(
                "{\"headers\":{\"Content-Type\":\"application/json; charset=utf-8\",\"X-Forwarded-For\":\"1.2.3.4\"}}"));
        assertEquals(Map.of("content-type", "application/json; charset=utf-8", "x-forwarded-for", "1.2.3.4"),
                request.headers());
        assertEquals("application/json", request.mediaType());
    }

    @Test
    void read_whenQueryStringParametersArePresent_keepsTheirOrderAndIgnoresTheRawString() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes("{\"rawQueryString\":\"ignored=1\","
                + "\"queryStringParameters\":{\"utm_source\":\"a\",\"utm_medium\":\"b\",\"utm_campaign\":\"c\"}}"));
        assertEquals(List.of("utm_source", "utm_medium", "utm_campaign"),
                List.copyOf(request.queryParameters().keySet()));
        assertFalse(request.query("ignored").isPresent());
    }

    @Test
    void read_whenEventIsMinimal_usesDefaults() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes("{}"));
        assertEquals("$default", request.routeKey());
        assertEquals("GET", request.method());
        assertEquals("/", request.rawPath());
        assertEquals("", request.rawQueryString());
        assertEquals(Map.of(), request.headers());
        assertEquals(List.of(), request.cookies());
        assertEquals("", request.requestId());
        assertEquals("", request.sourceIp());
        assertEquals(0, request.body().length);
    }

    @Test
    void read_whenMethodIsMissingFromTheContext_takesItFromTheRouteKey() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes("{\"routeKey\":\"POST /leads\",\"requestContext\":{}}"));
        assertEquals("POST", request.method());
    }

    @Test
    void read_whenBodyIsText_keepsItsUtf8Bytes() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes(
                "{\"body\":\"{\\\"name\\\":\\\"Zoë \\\\u00e9\\\"}\",\"isBase64Encoded\":false}"));
        assertEquals("{\"name\":\"Zoë \\u00e9\"}", request.bodyText());
        assertEquals("Zoë é", Json.parseObject(request.body()).get("name"));
    }

    @Test
    void read_whenFieldsHaveUnusualShapes_readsThemAsTheStreamingParserDid() throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(bytes("{\"headers\":[1],\"cookies\":{},\"pathParameters\":\"x\","
                + "\"requestContext\":\"x\",\"rawQueryString\":\"a=1\",\"queryStringParameters\":null,"
                + "\"unknown\":{\"deep\":[1,{\"x\":null}]}}"));
        assertEquals(Map.of(), request.headers());
        assertEquals(List.of(), request.cookies());
        assertEquals(Map.of(), request.pathParameters());
        assertEquals(Map.of(), request.queryParameters());
        assertEquals("", request.requestId());
    }

    @Test
    void read_whenEventIsNotAnObject_throwsIOException() {
        for (String event : List.of("[]", "\"event\"", "42", "null")) {
            assertThrows(IOException.class, () -> ApiGatewayV2Codec.read(bytes(event)), event);
        }
    }

    @Test
    void read_whenEventIsMalformed_throwsIOException() {
        for (String event : List.of("", "{", "{\"routeKey\":}", "{\"a\":1,}", "{} trailing", "{\"a\":\"\u0001\"}")) {
            assertThrows(IOException.class, () -> ApiGatewayV2Codec.read(bytes(event)), event);
            assertThrows(IOException.class, () -> ApiGatewayV2Codec.read(new ByteArrayInputStream(bytes(event))), event);
        }
    }

    @Test
    void write_whenResponseHasCookiesAndSpecialCharacters_writesJsonThatReadsBack() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", HttpResponse.JSON);
        headers.put("x-note", "quote \" and \\");
        HttpResponse response = new HttpResponse(201, headers, List.of("a=1; Secure", "b=2"),
                "{\"name\":\"Zoë\"}\n\u2028\u0001");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiGatewayV2Codec.write(response, out);
        Map<String, Object> json = JsonReader.readObject(out.toByteArray());
        assertEquals(List.of("statusCode", "headers", "cookies", "body", "isBase64Encoded"), List.copyOf(json.keySet()));
        assertEquals(201, json.get("statusCode"));
        assertEquals(response.headers(), json.get("headers"));
        assertEquals(response.cookies(), json.get("cookies"));
        assertEquals(response.body(), json.get("body"));
        assertEquals(false, json.get("isBase64Encoded"));
    }

    @Test
    void write_whenNoCookies_leavesTheFieldOut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiGatewayV2Codec.write(HttpResponse.empty(204), out);
        assertEquals("{\"statusCode\":204,\"headers\":{\"cache-control\":\"no-store\"},\"body\":\"\","
                + "\"isBase64Encoded\":false}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void read_whenCannedEvent_readsWhatWasBuilt() throws IOException {
        byte[] event = CannedEvent.of("POST /leads", "/leads", Map.of(), Map.of("content-type", "application/json"),
                "{\"email\":\"a@b.example\"}");
        HttpRequest request = ApiGatewayV2Codec.read(event);
        assertEquals("POST", request.method());
        assertEquals("/leads", request.rawPath());
        assertEquals("snapstart-priming", request.requestId());
        assertEquals("192.0.2.1", request.sourceIp());
        assertEquals("a@b.example", Json.parseObject(request.body()).get("email"));
    }

    @Test
    void apiEvent_whenFixtureIsChangedAndSerialised_readsBackTheChanges() throws IOException {
        byte[] event = ApiEvent.fixture("http-api-request.json")
                .route("POST /leads", "/leads", Map.of())
                .body("application/json", "{\"a\":1}")
                .json();
        HttpRequest request = ApiGatewayV2Codec.read(event);
        assertEquals("POST /leads", request.routeKey());
        assertEquals("POST", request.method());
        assertEquals("{\"a\":1}", request.bodyText());
    }
}

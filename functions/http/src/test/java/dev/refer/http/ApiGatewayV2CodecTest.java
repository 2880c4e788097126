package dev.refer.http;

import dev.refer.http.testing.ApiEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

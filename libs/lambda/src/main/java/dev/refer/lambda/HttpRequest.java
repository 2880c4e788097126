package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler reads of an HTTP API (payload format 2.0) event: a view over {@link APIGatewayV2HTTPEvent} that
 * looks headers up whatever their case, decodes a base64 body once and reads the route API Gateway matched. Repeated
 * headers and query parameters arrive comma-joined, as API Gateway sends them.
 */
public final class HttpRequest {

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;
    private final byte[] body;

    private HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        Map<String, String> lower = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        this.headers = Collections.unmodifiableMap(lower);
        String text = event.getBody();
        if (text == null) {
            this.body = new byte[0];
        } else if (event.getIsBase64Encoded()) {
            this.body = decode(text);
        } else {
            this.body = text.getBytes(StandardCharsets.UTF_8);
        }
    }

    public static HttpRequest of(APIGatewayV2HTTPEvent event) {
        return new HttpRequest(event);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(LambdaJson.malformed("the body is not valid base64"));
        }
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** "GET /admin/partners/{partnerId}", or "$default". */
    public String routeKey() {
        return event.getRouteKey() == null ? "$default" : event.getRouteKey();
    }

    public String method() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod();
        }
        String route = routeKey();
        return route.indexOf(' ') > 0 ? route.substring(0, route.indexOf(' ')) : "GET";
    }

    public String requestId() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "" : context.getRequestId();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters() == null ? null : event.getPathParameters().get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters() == null ? null
                : event.getQueryStringParameters().get(name));
    }

    public List<String> cookies() {
        return event.getCookies() == null ? List.of() : event.getCookies();
    }

    /** The body's bytes, base64-decoded when API Gateway encoded it. */
    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type of the body without parameters, lower case; empty when no Content-Type was sent. */
    public String mediaType() {
        String value = headers.getOrDefault("content-type", "");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The body as {@code type}: JSON only, at most {@code maxBytes}, else a 415 or 413 problem. */
    public <T> T jsonBody(Class<T> type, int maxBytes) {
        if (!mediaType().equals("application/json")) {
            throw new ProblemException(Problems.unsupportedMediaType("application/json"));
        }
        if (body.length > maxBytes) {
            throw new ProblemException(Problems.tooLarge(maxBytes));
        }
        return LambdaJson.readBody(body, type);
    }
}

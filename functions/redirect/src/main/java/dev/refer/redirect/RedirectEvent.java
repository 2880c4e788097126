package dev.refer.redirect;

import dev.refer.dynamodb.lite.JsonReader;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redirect's own reading of the HTTP API (payload 2.0) event, sized to what it reads: the {@code code} path
 * parameter, the {@code user-agent} header (case-insensitive) and the query string, in the order sent. Every other
 * function reads {@code APIGatewayV2HTTPEvent} with Jackson; the redirect does not, because Jackson and the events
 * classes would more than double its cold start ({@code ./bench} prints both figures). The JSON parser is the lean
 * DynamoDB client's own, already on this function's classpath.
 */
record RedirectEvent(String code, String userAgent, Map<String, String> query, String requestId) {

    static RedirectEvent read(byte[] json) throws IOException {
        Object parsed;
        try {
            parsed = JsonReader.read(json);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new IOException("the event is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> event)) {
            throw new IOException("the event is not an API Gateway HTTP API payload: expected an object");
        }
        String code = event.get("pathParameters") instanceof Map<?, ?> parameters
                && parameters.get("code") instanceof String text ? text : "";
        String userAgent = null;
        if (event.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                if ("user-agent".equalsIgnoreCase((String) header.getKey()) && header.getValue() instanceof String ua) {
                    userAgent = ua;
                }
            }
        }
        Map<String, String> query = event.get("rawQueryString") instanceof String raw ? parseQuery(raw) : Map.of();
        String requestId = event.get("requestContext") instanceof Map<?, ?> context
                && context.get("requestId") instanceof String id ? id : "";
        return new RedirectEvent(code, userAgent, query, requestId);
    }

    /** Like API Gateway: repeated names are comma-joined; undecodable text is kept as sent. */
    static Map<String, String> parseQuery(String raw) {
        if (raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            map.merge(name, value, (a, b) -> a + "," + b);
        }
        return Collections.unmodifiableMap(map);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

package dev.refer.redirect;

import dev.refer.dynamodb.lite.JsonReader;

import dev.refer.core.link.VisitQuery;

import java.io.IOException;
import java.util.Map;

/**
 * The redirect's own reading of the HTTP API (payload 2.0) event, sized to what it reads: the {@code code} path
 * parameter, the {@code user-agent} header (case-insensitive) and the raw query string, parsed in the order sent with
 * repeated names kept ({@link VisitQuery}; API Gateway's {@code queryStringParameters} comma-joins them). Every other
 * function reads {@code APIGatewayV2HTTPEvent} with Jackson; the redirect does not, because Jackson and the events
 * classes would more than double its cold start ({@code ./bench} prints both figures). The JSON parser is the lean
 * DynamoDB client's own, already on this function's classpath.
 */
record RedirectEvent(String code, String userAgent, VisitQuery query, String requestId) {

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
        VisitQuery query = event.get("rawQueryString") instanceof String raw ? VisitQuery.parse(raw) : VisitQuery.NONE;
        String requestId = event.get("requestContext") instanceof Map<?, ?> context
                && context.get("requestId") instanceof String id ? id : "";
        return new RedirectEvent(code, userAgent, query, requestId);
    }
}

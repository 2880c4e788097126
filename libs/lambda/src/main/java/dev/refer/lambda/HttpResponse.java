package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answers functions give, as {@link APIGatewayV2HTTPResponse}s; every answer is {@code no-store}. */
public final class HttpResponse {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private HttpResponse() {
    }

    public static APIGatewayV2HTTPResponse of(int status, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body == null ? "" : body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** {@code body} written as JSON (a record, a map or a list). */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return of(status, Map.of("content-type", JSON), body instanceof String text ? text : LambdaJson.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return of(problem.status(), Map.of("content-type", PROBLEM_JSON), LambdaJson.write(problem));
    }

    public static APIGatewayV2HTTPResponse text(int status, String contentType, String text) {
        return of(status, Map.of("content-type", contentType), text);
    }

    public static APIGatewayV2HTTPResponse html(int status, String html) {
        return of(status, Map.of("content-type", "text/html; charset=utf-8"), html);
    }

    public static APIGatewayV2HTTPResponse redirect(int status, String location) {
        return of(status, Map.of("location", location), "");
    }

    public static APIGatewayV2HTTPResponse empty(int status) {
        return of(status, Map.of(), "");
    }

    /** A copy with more headers (a header already there is replaced). */
    public static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse response, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of()
                : response.getHeaders());
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.getStatusCode())
                .withHeaders(headers)
                .withCookies(response.getCookies() == null ? null : List.copyOf(response.getCookies()))
                .withBody(response.getBody())
                .withIsBase64Encoded(response.getIsBase64Encoded())
                .build();
    }

    public static APIGatewayV2HTTPResponse withHeader(APIGatewayV2HTTPResponse response, String name, String value) {
        return withHeaders(response, Map.of(name, value));
    }
}

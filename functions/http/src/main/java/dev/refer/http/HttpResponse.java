package dev.refer.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a function answers; written back to API Gateway as a payload 2.0 response. */
public record HttpResponse(int statusCode, Map<String, String> headers, List<String> cookies, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        body = body == null ? "" : body;
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, Map.of("content-type", JSON, "cache-control", "no-store"), List.of(), json);
    }

    public static HttpResponse problem(Problem problem) {
        return new HttpResponse(problem.status(), Map.of("content-type", PROBLEM_JSON, "cache-control", "no-store"),
                List.of(), problem.toJson());
    }

    public static HttpResponse html(int status, String html) {
        return new HttpResponse(status, Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"),
                List.of(), html);
    }

    public static HttpResponse redirect(int status, String location) {
        return new HttpResponse(status, Map.of("location", location, "cache-control", "no-store"), List.of(), "");
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of("cache-control", "no-store"), List.of(), "");
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(statusCode, copy, cookies, body);
    }

    public HttpResponse withHeaders(Map<String, String> extra) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(extra);
        return new HttpResponse(statusCode, copy, cookies, body);
    }
}

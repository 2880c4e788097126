package dev.refer.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as API Gateway's HTTP API (payload format 2.0) hands it to a function.
 * Header names are lower case; repeated headers and query parameters arrive comma-joined, as API Gateway sends them;
 * {@code body} is already base64-decoded.
 */
public record HttpRequest(
        String routeKey,
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, String> headers,
        List<String> cookies,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        byte[] body,
        String requestId,
        String sourceIp) {

    public HttpRequest {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        pathParameters = Map.copyOf(pathParameters);
        // in the order sent: forwarded UTM tags keep the order the visitor's link had
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
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
}

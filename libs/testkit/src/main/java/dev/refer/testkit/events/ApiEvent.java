package dev.refer.testkit.events;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real API Gateway HTTP API (payload 2.0) event, loaded from a fixture in the kit's {@code events/} (or a test's own {@code src/test/resources/events/}), with
 * the fields a test cares about changed, and fed to a handler through its stream interface as the Lambda runtime
 * does. Fixtures are captured event shapes; tests change only route, path, headers and body.
 */
public final class ApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** Loads {@code events/<name>} from the classpath (the kit ships two base fixtures: http-api-request.json, form-post.json). */
    public static ApiEvent fixture(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name + " on the test classpath");
            }
            return new ApiEvent((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET or POST to {@code route} ("METHOD /path/{param}") at {@code rawPath}, with its path parameters. */
    public ApiEvent route(String routeKey, String rawPath, Map<String, String> pathParameters) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ObjectNode http = (ObjectNode) context.get("http");
        http.put("method", method);
        http.put("path", rawPath);
        ObjectNode parameters = event.putObject("pathParameters");
        pathParameters.forEach(parameters::put);
        return this;
    }

    public ApiEvent query(String rawQueryString, Map<String, String> parameters) {
        event.put("rawQueryString", rawQueryString);
        if (parameters.isEmpty()) {
            event.remove("queryStringParameters");
        } else {
            ObjectNode query = event.putObject("queryStringParameters");
            parameters.forEach(query::put);
        }
        return this;
    }

    public ApiEvent header(String name, String value) {
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (value == null) {
            headers.remove(name.toLowerCase(Locale.ROOT));
        } else {
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }
        if (name.equalsIgnoreCase("user-agent")) {
            ((ObjectNode) event.get("requestContext").get("http")).put("userAgent", value);
        }
        return this;
    }

    /** The request's cookies ("name=value"), as HTTP API passes them (its own list, not a header); none clears them. */
    public ApiEvent cookies(String... cookies) {
        if (cookies.length == 0) {
            event.remove("cookies");
        } else {
            com.fasterxml.jackson.databind.node.ArrayNode list = event.putArray("cookies");
            for (String cookie : cookies) {
                list.add(cookie);
            }
        }
        return this;
    }

    /** The caller's address as API Gateway saw it. */
    public ApiEvent sourceIp(String address) {
        ((ObjectNode) event.get("requestContext").get("http")).put("sourceIp", address);
        return this;
    }

    /** A text body, as API Gateway passes JSON. */
    public ApiEvent body(String contentType, String body) {
        header("content-type", contentType);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return this;
    }

    /** The body exactly as given, flagged base64 or not (what a broken or hostile client may send). */
    public ApiEvent rawBody(String body, boolean base64) {
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return this;
    }

    /** A base64 body, as API Gateway passes form posts and other non-text types. */
    public ApiEvent base64Body(String contentType, String body) {
        header("content-type", contentType);
        event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        return this;
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds the event to {@code handler} as the Lambda runtime does and reads the 2.0 response. */
    public ApiResponse invoke(RequestStreamHandler handler) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(json()), out, null);
            return ApiResponse.parse(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler's answer. */
    public record ApiResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

        static ApiResponse parse(byte[] json) throws IOException {
            JsonNode response = JSON.readTree(json);
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").properties()
                    .forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
            List<String> cookies = new ArrayList<>();
            response.path("cookies").forEach(c -> cookies.add(c.asText()));
            return new ApiResponse(response.get("statusCode").asInt(), headers, cookies,
                    response.path("body").asText(""));
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body as plain maps, lists, strings, numbers and booleans. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> jsonBody() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

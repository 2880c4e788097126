package dev.refer.http.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.http.JsonReader;
import dev.refer.http.JsonWriter;

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
import java.util.Map;

/**
 * A real API Gateway HTTP API (payload 2.0) event, loaded from a fixture in {@code src/test/resources/events/}, with
 * the fields a test cares about changed, and fed to a handler through its stream interface as the Lambda runtime
 * does. Fixtures are captured event shapes; tests change only route, path, headers and body.
 */
public final class ApiEvent {

    private final Map<String, Object> event;

    private ApiEvent(Map<String, Object> event) {
        this.event = event;
    }

    /** Loads {@code events/<name>} from the test classpath (this module ships two base fixtures). */
    public static ApiEvent fixture(String name) {
        try (InputStream in = ApiEvent.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name + " on the test classpath");
            }
            return new ApiEvent(JsonReader.readObject(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET or POST to {@code route} ("METHOD /path/{param}") at {@code rawPath}, with its path parameters. */
    @SuppressWarnings("unchecked")
    public ApiEvent route(String routeKey, String rawPath, Map<String, String> pathParameters) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        context.put("routeKey", routeKey);
        Map<String, Object> http = (Map<String, Object>) context.get("http");
        http.put("method", method);
        http.put("path", rawPath);
        event.put("pathParameters", new LinkedHashMap<>(pathParameters));
        return this;
    }

    public ApiEvent query(String rawQueryString, Map<String, String> parameters) {
        event.put("rawQueryString", rawQueryString);
        if (parameters.isEmpty()) {
            event.remove("queryStringParameters");
        } else {
            event.put("queryStringParameters", new LinkedHashMap<>(parameters));
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    public ApiEvent header(String name, String value) {
        Map<String, Object> headers = (Map<String, Object>) event.get("headers");
        if (value == null) {
            headers.remove(name.toLowerCase());
        } else {
            headers.put(name.toLowerCase(), value);
        }
        if (name.equalsIgnoreCase("user-agent")) {
            ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http"))
                    .put("userAgent", value);
        }
        return this;
    }

    /** A text body, as API Gateway passes JSON. */
    public ApiEvent body(String contentType, String body) {
        header("content-type", contentType);
        event.put("body", body);
        event.put("isBase64Encoded", false);
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
        return JsonWriter.write(event).getBytes(StandardCharsets.UTF_8);
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

        @SuppressWarnings("unchecked")
        static ApiResponse parse(byte[] json) throws IOException {
            Map<String, Object> response = JsonReader.readObject(json);
            Map<String, String> headers = new LinkedHashMap<>();
            ((Map<String, Object>) response.getOrDefault("headers", Map.of()))
                    .forEach((k, v) -> headers.put(k.toLowerCase(), String.valueOf(v)));
            List<String> cookies = new ArrayList<>();
            ((List<Object>) response.getOrDefault("cookies", List.of())).forEach(c -> cookies.add((String) c));
            return new ApiResponse(((Number) response.get("statusCode")).intValue(), headers, cookies,
                    (String) response.getOrDefault("body", ""));
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public Map<String, Object> jsonBody() {
            return JsonReader.readObject(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}

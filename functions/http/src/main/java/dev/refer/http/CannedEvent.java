package dev.refer.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payload 2.0 event built in code, for priming: the shape API Gateway sends, with only what routing needs. */
public final class CannedEvent {

    private CannedEvent() {
    }

    public static byte[] of(String routeKey, String rawPath, Map<String, String> pathParameters,
                            Map<String, String> headers, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.1");
        http.put("userAgent", headers.getOrDefault("user-agent", "snapstart-priming"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", "snapstart-priming");
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("pathParameters", pathParameters);
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body);
            event.put("isBase64Encoded", false);
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}

package dev.refer.redirect;

import dev.refer.dynamodb.lite.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The redirect's two answers, written as the payload 2.0 response; never cached (every visit must reach us). */
record RedirectResponse(int status, Map<String, String> headers, String body) {

    static RedirectResponse found(String location) {
        return new RedirectResponse(302, Map.of("location", location, "cache-control", "no-store",
                "referrer-policy", "no-referrer-when-downgrade"), "");
    }

    static RedirectResponse notFound(String html) {
        return new RedirectResponse(404, Map.of("content-type", "text/html; charset=utf-8", "cache-control",
                "no-store"), html);
    }

    static RedirectResponse unavailable(String html) {
        return new RedirectResponse(503, Map.of("content-type", "text/html; charset=utf-8", "cache-control",
                "no-store", "retry-after", "3"), html);
    }

    void write(OutputStream out) throws IOException {
        StringBuilder json = new StringBuilder(256 + body.length());
        json.append("{\"statusCode\":").append(status).append(",\"headers\":");
        JsonWriter.write(headers, json);
        json.append(",\"body\":");
        JsonWriter.writeString(body, json);
        json.append(",\"isBase64Encoded\":false}");
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

package dev.refer.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the HTTP API payload 2.0 event and writes the 2.0 response with the module's own {@link JsonReader} and
 * {@link JsonWriter}: no JSON library, no data binding, no reflection, so the first request of a fresh environment
 * pays for a handful of classes only.
 */
public final class ApiGatewayV2Codec {

    private ApiGatewayV2Codec() {
    }

    public static HttpRequest read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public static HttpRequest read(byte[] event) throws IOException {
        Object json;
        try {
            json = JsonReader.read(event);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new IOException("the event is not valid JSON: " + e.getMessage(), e);
        }
        if (!(json instanceof Map<?, ?> fields)) {
            throw new IOException("the event is not an API Gateway HTTP API payload: expected START_OBJECT");
        }
        return read(fields);
    }

    /** Picks the fields a function uses; a field of the wrong shape reads as it did with Jackson's streaming parser. */
    private static HttpRequest read(Map<?, ?> event) {
        String routeKey = null, rawPath = "/", rawQuery = "", body = null, requestId = "", sourceIp = "", method = null;
        boolean base64 = false;
        Map<String, String> headers = Map.of(), pathParameters = Map.of(), query = null;
        List<String> cookies = List.of();
        for (Map.Entry<?, ?> field : event.entrySet()) {
            Object value = field.getValue();
            switch ((String) field.getKey()) {
                case "routeKey" -> routeKey = text(value);
                case "rawPath" -> rawPath = text(value);
                case "rawQueryString" -> rawQuery = text(value);
                case "body" -> body = text(value);
                case "isBase64Encoded" -> base64 = Boolean.TRUE.equals(value);
                case "headers" -> headers = stringMap(value, true);
                case "pathParameters" -> pathParameters = stringMap(value, false);
                case "queryStringParameters" -> query = stringMap(value, false);
                case "cookies" -> cookies = stringList(value);
                case "requestContext" -> {
                    if (!(value instanceof Map<?, ?> context)) {
                        break;
                    }
                    if (context.containsKey("requestId")) {
                        requestId = text(context.get("requestId"));
                    }
                    if (context.get("http") instanceof Map<?, ?> http) {
                        if (http.containsKey("method")) {
                            method = text(http.get("method"));
                        }
                        if (http.containsKey("sourceIp")) {
                            sourceIp = text(http.get("sourceIp"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (method == null && routeKey != null && routeKey.indexOf(' ') > 0) {
            method = routeKey.substring(0, routeKey.indexOf(' '));
        }
        byte[] bytes = body == null ? new byte[0]
                : base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        if (query == null) {
            query = parseQuery(rawQuery);
        }
        return new HttpRequest(routeKey == null ? "$default" : routeKey, method == null ? "GET" : method, rawPath,
                rawQuery == null ? "" : rawQuery, headers, cookies, pathParameters, query, bytes, requestId,
                sourceIp);
    }

    public static void write(HttpResponse response, OutputStream out) throws IOException {
        StringBuilder json = new StringBuilder(256 + response.body().length());
        json.append("{\"statusCode\":").append(response.statusCode()).append(",\"headers\":{");
        boolean first = true;
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            JsonWriter.writeString(header.getKey(), json);
            json.append(':');
            JsonWriter.writeString(header.getValue(), json);
        }
        json.append('}');
        if (!response.cookies().isEmpty()) {
            json.append(",\"cookies\":");
            JsonWriter.write(response.cookies(), json);
        }
        json.append(",\"body\":");
        JsonWriter.writeString(response.body(), json);
        json.append(",\"isBase64Encoded\":false}");
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A scalar as text (numbers and booleans as written), as Jackson's getValueAsString; an object, array or null is null. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    private static Map<String, String> stringMap(Object value, boolean lowerCaseKeys) {
        if (!(value instanceof Map<?, ?> object)) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = (String) entry.getKey();
            map.put(lowerCaseKeys ? key.toLowerCase(Locale.ROOT) : key, text(entry.getValue()));
        }
        return map;
    }

    private static List<String> stringList(Object value) {
        if (!(value instanceof List<?> array)) {
            return List.of();
        }
        List<String> list = new ArrayList<>(array.size());
        for (Object item : array) {
            list.add(text(item));
        }
        return list;
    }

    /** Like API Gateway: repeated names are comma-joined; undecodable text is kept as sent. */
    static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
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
        return map;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

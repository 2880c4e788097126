package dev.refer.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the HTTP API payload 2.0 event and writes the 2.0 response with Jackson's streaming parser: no data binding,
 * no reflection, so the first request of a fresh environment pays for a handful of classes only.
 */
public final class ApiGatewayV2Codec {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ApiGatewayV2Codec() {
    }

    public static HttpRequest read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return read(p);
        }
    }

    public static HttpRequest read(byte[] event) throws IOException {
        try (JsonParser p = FACTORY.createParser(event)) {
            return read(p);
        }
    }

    private static HttpRequest read(JsonParser p) throws IOException {
        String routeKey = null, rawPath = "/", rawQuery = "", body = null, requestId = "", sourceIp = "", method = null;
        boolean base64 = false;
        Map<String, String> headers = Map.of(), pathParameters = Map.of(), query = null;
        List<String> cookies = List.of();
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "routeKey" -> routeKey = p.getValueAsString();
                case "rawPath" -> rawPath = p.getValueAsString();
                case "rawQueryString" -> rawQuery = p.getValueAsString();
                case "body" -> body = p.getValueAsString();
                case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                case "headers" -> headers = readStringMap(p, true);
                case "pathParameters" -> pathParameters = readStringMap(p, false);
                case "queryStringParameters" -> query = readStringMap(p, false);
                case "cookies" -> cookies = readStringList(p);
                case "requestContext" -> {
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String contextField = p.currentName();
                        JsonToken contextValue = p.nextToken();
                        if (contextField.equals("requestId")) {
                            requestId = p.getValueAsString();
                        } else if (contextField.equals("http") && contextValue == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String httpField = p.currentName();
                                p.nextToken();
                                if (httpField.equals("method")) {
                                    method = p.getValueAsString();
                                } else if (httpField.equals("sourceIp")) {
                                    sourceIp = p.getValueAsString();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
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
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.statusCode());
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                g.writeStringField(header.getKey(), header.getValue());
            }
            g.writeEndObject();
            if (!response.cookies().isEmpty()) {
                g.writeArrayFieldStart("cookies");
                for (String cookie : response.cookies()) {
                    g.writeString(cookie);
                }
                g.writeEndArray();
            }
            g.writeStringField("body", response.body());
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
    }

    private static Map<String, String> readStringMap(JsonParser p, boolean lowerCaseKeys) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(lowerCaseKeys ? key.toLowerCase(java.util.Locale.ROOT) : key, p.getValueAsString());
        }
        return map;
    }

    private static List<String> readStringList(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(p.getValueAsString());
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

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("the event is not an API Gateway HTTP API payload: expected " + expected);
        }
    }
}

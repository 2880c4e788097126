package dev.refer.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP response API Gateway makes of a function's payload 2.0 response.
 *
 * @param headers name/value pairs in order; a name may repeat (Set-Cookie)
 */
public record GatewayResponse(int statusCode, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public GatewayResponse {
        headers = List.copyOf(headers);
    }

    /** API Gateway's own JSON answers: {"message":"Not Found"}, {"message":"Forbidden"}, ... */
    public static GatewayResponse message(int statusCode, String message) {
        String body = JSON.createObjectNode().put("message", message).toString();
        return new GatewayResponse(statusCode, List.of(Map.entry("content-type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the function's output. An object with a {@code statusCode} is a full response; any other valid JSON is
     * a 200 with that JSON as the body, as HTTP API infers it.
     *
     * @throws MalformedResponseException when the output is not JSON, which API Gateway answers with a 500
     */
    public static GatewayResponse fromFunctionOutput(byte[] output) {
        JsonNode response;
        try {
            response = JSON.readTree(output);
        } catch (IOException e) {
            throw new MalformedResponseException("the function's response is not JSON: " + e.getMessage());
        }
        if (response == null || response.isMissingNode()) {
            throw new MalformedResponseException("the function returned an empty response");
        }
        if (!response.isObject() || !response.has("statusCode")) {
            return new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")),
                    output.clone());
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").properties()
                .forEach(header -> headers.add(Map.entry(header.getKey(), header.getValue().asText())));
        response.path("cookies").forEach(cookie -> headers.add(Map.entry("set-cookie", cookie.asText())));
        String body = response.path("body").isNull() ? "" : response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(response.path("statusCode").asInt(), headers, bytes);
    }

    /** The function answered something API Gateway cannot turn into an HTTP response. */
    public static final class MalformedResponseException extends RuntimeException {
        MalformedResponseException(String message) {
            super(message);
        }
    }
}

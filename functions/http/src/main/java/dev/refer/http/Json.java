package dev.refer.http;

import java.util.Map;

/**
 * JSON bodies as maps and lists, with the module's own {@link JsonReader} and {@link JsonWriter}: no JSON library
 * to load on a function's cold start.
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses a JSON object (a mutable {@link java.util.LinkedHashMap}; see {@link JsonReader} for the value types);
     * anything else (an array, a scalar, malformed text) is a {@link MalformedJsonException}.
     */
    public static Map<String, Object> parseObject(byte[] body) {
        Object value;
        try {
            value = JsonReader.read(body);
        } catch (JsonReader.JsonSyntaxException e) {
            throw new MalformedJsonException("the body is not valid JSON");
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        }
        throw new MalformedJsonException("the body must be a JSON object");
    }

    /** Writes maps, lists, strings, numbers and booleans as compact JSON; map entries with a null value are left out. */
    public static String write(Object value) {
        try {
            return JsonWriter.write(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}

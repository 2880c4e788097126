package dev.refer.http;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.Map;

/** JSON bodies as maps and lists (jackson-jr: no reflection-heavy binding, small and quick to load). */
public final class Json {

    private static final JSON MAPPER = JSON.std;

    private Json() {
    }

    /** Parses a JSON object; anything else (an array, a scalar, malformed text) is a {@link MalformedJsonException}. */
    public static Map<String, Object> parseObject(byte[] body) {
        try {
            Object value = MAPPER.anyFrom(body);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw new MalformedJsonException("the body must be a JSON object");
        } catch (IOException e) {
            throw new MalformedJsonException("the body is not valid JSON");
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.asString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}

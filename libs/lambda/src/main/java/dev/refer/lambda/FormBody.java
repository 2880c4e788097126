package dev.refer.lambda;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, as a plain HTML form posts it. The first value of a name wins. */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("the form body is not valid application/x-www-form-urlencoded");
        }
    }

    public static final class MalformedFormException extends RuntimeException {
        public MalformedFormException(String message) {
            super(message);
        }
    }
}

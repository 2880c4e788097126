package dev.refer.core.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of a visit to a short link, decoded, in the order sent, repeated names kept (API Gateway's own
 * {@code queryStringParameters} comma-joins them, which would change what the destination receives). A pair whose
 * percent-encoding is broken cannot be forwarded with the meaning it was sent with, so it is left out.
 *
 * @param parameters each with {@code value} null for a bare name ({@code ?preview}) and "" for {@code ?preview=}
 */
public record VisitQuery(List<Parameter> parameters) {

    /** No parameters: a bare short link. */
    public static final VisitQuery NONE = new VisitQuery(List.of());

    public record Parameter(String name, String value) {
    }

    public VisitQuery {
        parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** Parses a raw query string ({@code a=1&b=%20x}, without the {@code ?}); {@code +} is a space, as browsers send it. */
    public static VisitQuery parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        List<Parameter> parameters = new ArrayList<>();
        int from = 0;
        while (from <= raw.length()) {
            int amp = raw.indexOf('&', from);
            int end = amp < 0 ? raw.length() : amp;
            if (end > from) {
                int eq = raw.indexOf('=', from);
                boolean bare = eq < 0 || eq > end;
                String name = decode(raw.substring(from, bare ? end : eq));
                String value = bare ? null : decode(raw.substring(eq + 1, end));
                if (name != null && !name.isEmpty() && (bare || value != null)) {
                    parameters.add(new Parameter(name, value));
                }
            }
            if (amp < 0) {
                break;
            }
            from = amp + 1;
        }
        return parameters.isEmpty() ? NONE : new VisitQuery(parameters);
    }

    /** From a map (tests, callers that kept one value per name), in the map's order. */
    public static VisitQuery of(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return NONE;
        }
        List<Parameter> parameters = new ArrayList<>(query.size());
        query.forEach((name, value) -> parameters.add(new Parameter(name, value)));
        return new VisitQuery(parameters);
    }

    /** The first value sent under {@code name} (exact name), or null; a bare name answers "". */
    public String first(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value() == null ? "" : parameter.value();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The decoded text, or null when its percent-encoding is broken ({@code %zz}, a lone {@code %}). */
    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

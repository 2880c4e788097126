package dev.refer.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field and the rule it broke, so a caller
 * can fix the request without guessing.
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors) {

    public static final String TYPE_BASE = "https://refer.dev/problems/";

    public record FieldError(String field, String rule) {
    }

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_BASE + slug, title, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).rule()
                : errors.size() + " fields are invalid";
        return new Problem(400, TYPE_BASE + "validation", "The request is invalid", detail, errors);
    }

    public static Problem invalidField(String field, String rule) {
        return validation(List.of(new FieldError(field, rule)));
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        if (!errors.isEmpty()) {
            json.put("errors", errors.stream()
                    .map(e -> {
                        // ordered: Map.of iterates in a different order on every JVM run
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("field", e.field());
                        error.put("rule", e.rule());
                        return error;
                    })
                    .toList());
        }
        return Json.write(json);
    }
}

package dev.refer.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field and the rule it broke, so a caller
 * can fix the request without guessing.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(int status, String type, String title, String detail,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String TYPE_BASE = "https://refer.dev/problems/";

    @JsonPropertyOrder({"field", "rule"})
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

    /** The problem+json body. */
    public String toJson() {
        return LambdaJson.write(this);
    }
}

package dev.refer.core.basics.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects violations while a command validates its fields, then fails once with all of them. */
public final class Rules {

    private final List<Invalid.Violation> violations = new ArrayList<>();

    public static Rules check() {
        return new Rules();
    }

    public Rules require(boolean ok, String field, String rule) {
        if (!ok) {
            violations.add(new Invalid.Violation(field, rule));
        }
        return this;
    }

    public Rules maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    /** Runs a value constructor and records its violations under {@code field}. */
    public <T> T value(String field, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (Invalid e) {
            for (Invalid.Violation v : e.violations()) {
                violations.add(new Invalid.Violation(field, v.rule()));
            }
            return null;
        }
    }

    public void orThrow() {
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    /** Trimmed text, or null when absent or blank. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

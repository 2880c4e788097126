package dev.refer.core.basics.validation;

import java.util.List;

/**
 * A command or value that breaks a rule of the caller's making. Carries every offending field with the rule it
 * broke, so the HTTP layer can answer a 400 problem that names them. Thrown only while building commands and values.
 */
public final class Invalid extends RuntimeException {

    public record Violation(String field, String rule) {
    }

    private final List<Violation> violations;

    public Invalid(List<Violation> violations) {
        super(violations.toString(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static Invalid field(String field, String rule) {
        return new Invalid(List.of(new Violation(field, rule)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

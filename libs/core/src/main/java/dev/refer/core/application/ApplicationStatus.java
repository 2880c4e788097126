package dev.refer.core.application;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;

/** Where an application stands: waiting for the program manager, or decided (for good: one per email). */
public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApplicationStatus fromWire(String value, String field) {
        for (ApplicationStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw Invalid.field(field, "must be one of pending, approved, rejected");
    }
}

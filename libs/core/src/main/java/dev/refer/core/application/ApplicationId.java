package dev.refer.core.application;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/**
 * Identifies an application: a ULID. An approved application's partner takes the same id, so approving twice (a
 * retry, two clicks) finds the partner the first approval made instead of making a second one.
 */
public record ApplicationId(String value) {

    public ApplicationId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("applicationId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.refer.core.link;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a click; travels as {@code rid} in URLs, so it is unguessable (80 random bits) as well as sortable. */
public record ClickId(String value) {

    public ClickId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("clickId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

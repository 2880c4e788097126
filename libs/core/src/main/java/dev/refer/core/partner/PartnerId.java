package dev.refer.core.partner;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a partner: a ULID, time-sortable so listings come newest first by id. */
public record PartnerId(String value) {

    public PartnerId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("partnerId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

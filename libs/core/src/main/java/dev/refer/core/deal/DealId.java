package dev.refer.core.deal;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a deal registration: a ULID, time-sortable and unguessable (it is in the partner's URLs). */
public record DealId(String value) {

    public DealId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("dealId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

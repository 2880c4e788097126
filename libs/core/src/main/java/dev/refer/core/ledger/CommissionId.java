package dev.refer.core.ledger;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a commission: a ULID, time-sortable so listings come newest first by id. */
public record CommissionId(String value) {

    public CommissionId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("commissionId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.refer.core.lead;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a lead: a ULID, time-sortable so listings come newest first by id. */
public record LeadId(String value) {

    public LeadId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("leadId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

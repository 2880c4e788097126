package dev.refer.core.conversion;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;

/** Identifies a conversion: a ULID, time-sortable so listings come newest first by id. */
public record ConversionId(String value) {

    public ConversionId {
        if (!Ulid.isValid(value)) {
            throw Invalid.field("conversionId", "must be a 26-character id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

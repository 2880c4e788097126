package dev.refer.core.outbound;

import dev.refer.core.basics.ids.Ulid;

/** An endpoint's id: a ULID (newest endpoints list last, ids are unguessable). */
public record WebhookEndpointId(String value) {

    public WebhookEndpointId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not an endpoint id");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && Ulid.isValid(value);
    }
}

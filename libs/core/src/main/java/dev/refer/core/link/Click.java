package dev.refer.core.link;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;

/**
 * One counted visit through a link. Kept for the retention period (TTL), long enough to attribute a lead or sale
 * that carries its id ({@code rid}). No IP address or other personal data is stored.
 */
public record Click(ClickId id, LinkCode code, PartnerId partnerId, String campaign, Instant at, Instant expiresAt) {

    public Click {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

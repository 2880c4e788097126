package dev.refer.core.link;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One counted visit through a link. Kept for the retention period (TTL), long enough to attribute a lead or sale
 * that carries its id ({@code rid}). No IP address or other personal data is stored: of the visit's query only the
 * values of the program's sub-id parameters ({@link SubIds}, bounded), never the other parameters it passed on.
 *
 * @param subIds sub-id parameter name to value (empty when the visit carried none)
 */
public record Click(ClickId id, LinkCode code, PartnerId partnerId, String campaign, Instant at, Instant expiresAt,
                    Map<String, String> subIds) {

    public Click {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        subIds = subIds == null || subIds.isEmpty() ? Map.of() : subIds;
    }

    /** A click without sub-ids. */
    public Click(ClickId id, LinkCode code, PartnerId partnerId, String campaign, Instant at, Instant expiresAt) {
        this(id, code, partnerId, campaign, at, expiresAt, Map.of());
    }
}

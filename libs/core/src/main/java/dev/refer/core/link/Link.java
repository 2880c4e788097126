package dev.refer.core.link;

import dev.refer.core.partner.PartnerId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A partner's short link. {@code partnerActive} copies the owner's status onto the link so the redirect decides with
 * one read; suspending a partner rewrites it on each of the partner's links.
 *
 * @param campaign the partner's sub-id or channel tag for this link (e.g. "newsletter"), reported per link
 */
public record Link(LinkCode code, PartnerId partnerId, URI destination, String campaign, boolean enabled,
                   boolean partnerActive, Instant createdAt) {

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether following this link sends the visitor on and counts the click. */
    public boolean redirects() {
        return enabled && partnerActive;
    }

    public Link withEnabled(boolean value) {
        return new Link(code, partnerId, destination, campaign, value, partnerActive, createdAt);
    }
}

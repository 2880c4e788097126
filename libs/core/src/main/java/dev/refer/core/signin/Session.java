package dev.refer.core.signin;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner's portal session: stored, so signing out (deleting it) ends it even though its cookie is still signed;
 * {@code csrfToken} is what the session's forms and API calls must send back.
 */
public record Session(String id, PartnerId partnerId, String csrfToken, Instant createdAt, Instant lastSeenAt,
                      Instant expiresAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Live at {@code now}: before its absolute end and within {@code policy}'s idle time of its last request. */
    public boolean liveAt(Instant now, SignInPolicy policy) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(policy.idle()));
    }

    public Session seenAt(Instant now) {
        return new Session(id, partnerId, csrfToken, createdAt, now, expiresAt);
    }
}

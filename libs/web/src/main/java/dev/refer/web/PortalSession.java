package dev.refer.web;

import dev.refer.core.partner.PartnerId;

import java.util.Objects;

/**
 * The signed-in partner as the portal's pages and API see it, once the session cookie has been checked: whose session
 * it is (every read and write of a page is scoped to {@code partnerId}, never to an id from the request), the session's
 * id (signing out ends it) and the CSRF token every state-changing form and API call must carry.
 */
public record PortalSession(PartnerId partnerId, String sessionId, String csrfToken) {

    public PortalSession {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }
}

package dev.refer.portal;

import dev.refer.web.PortalSession;

/**
 * Whether the signed-in partner accepted the program's current terms: until they have, every portal route but the
 * terms page (and the session API that says so) sends them to {@code GET /portal/terms}.
 */
public interface TermsGate {

    boolean accepted(PortalSession session);
}

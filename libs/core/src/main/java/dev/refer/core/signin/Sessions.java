package dev.refer.core.signin;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;

import java.time.Instant;
import java.util.Optional;

/** Portal sessions and, read with them, the status of their partner. */
public interface Sessions {

    /** A session with its partner's current status and name, read together (one round trip). */
    record Loaded(Session session, PartnerStatus partnerStatus, String partnerName) {
    }

    void create(Session session);

    /**
     * The session and the partner its cookie names, read together; empty when the session does not exist (signed
     * out, expired, never) or the partner does not.
     */
    Optional<Loaded> load(String sessionId, PartnerId partnerId);

    /** Records a request of the session (its idle lifetime restarts); nothing when it no longer exists. */
    void touch(String sessionId, Instant lastSeenAt);

    /** Ends the session; nothing when it does not exist. */
    void delete(String sessionId);
}

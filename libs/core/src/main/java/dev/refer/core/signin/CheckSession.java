package dev.refer.core.signin;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every signed-in request: the session named by a cookie whose signature already checked out must still exist
 * (not signed out), belong to that partner, be within its idle and absolute lifetimes, and its partner must still
 * be active (a suspension ends every session at its next request). One read of the session and its partner; the
 * last-seen time is written at most once per {@link SignInPolicy#TOUCH_EVERY}.
 */
public final class CheckSession {

    public record Live(Session session, String partnerName) {
    }

    private final Sessions sessions;
    private final SignInPolicy policy;
    private final Clock clock;

    public CheckSession(Sessions sessions, SignInPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    public Optional<Live> check(String sessionId, PartnerId partnerId) {
        if (!Secrets.wellFormed(sessionId)) {
            return Optional.empty();
        }
        Optional<Sessions.Loaded> loaded = sessions.load(sessionId, partnerId);
        Instant now = clock.instant();
        if (loaded.isEmpty() || !loaded.get().session().partnerId().equals(partnerId)
                || loaded.get().partnerStatus() != PartnerStatus.ACTIVE
                || !loaded.get().session().liveAt(now, policy)) {
            return Optional.empty();
        }
        Session session = loaded.get().session();
        if (!now.isBefore(session.lastSeenAt().plus(SignInPolicy.TOUCH_EVERY))) {
            sessions.touch(sessionId, now);
            session = session.seenAt(now);
        }
        return Optional.of(new Live(session, loaded.get().partnerName()));
    }
}

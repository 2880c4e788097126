package dev.refer.portal.signin;

import dev.refer.core.signin.CheckSession;
import dev.refer.lambda.HttpRequest;
import dev.refer.web.PortalSession;

import java.util.Optional;

/**
 * Who is signed in, from the request's cookie: its JWT verified (our key, HS256, not expired), then the session it
 * names checked (exists, that partner's, within its lifetimes, the partner active) in one read.
 */
public final class SessionGate {

    /** The signed-in partner of a request. */
    public record SignedIn(PortalSession session, String partnerName) {
    }

    private final SessionCookie cookie;
    private final SessionTokens tokens;
    private final CheckSession checkSession;

    public SessionGate(SessionCookie cookie, SessionTokens tokens, CheckSession checkSession) {
        this.cookie = cookie;
        this.tokens = tokens;
        this.checkSession = checkSession;
    }

    public Optional<SignedIn> check(HttpRequest request) {
        return cookie.read(request).flatMap(tokens::verify)
                .flatMap(claims -> checkSession.check(claims.sessionId(), claims.partnerId()))
                .map(live -> new SignedIn(new PortalSession(live.session().partnerId(), live.session().id(),
                        live.session().csrfToken()), live.partnerName()));
    }
}

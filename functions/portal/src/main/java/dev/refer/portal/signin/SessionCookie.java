package dev.refer.portal.signin;

import dev.refer.lambda.HttpRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (a cross-site POST does not carry it), Path=/, and
 * Secure with the {@code __Host-} prefix on AWS. The local stack serves plain http://127.0.0.1, where a browser keeps
 * no Secure cookie: there ({@code PORTAL_COOKIE_SECURE=false}) it goes without both.
 */
public final class SessionCookie {

    public static final String SECURE_NAME = "__Host-refer_portal";
    public static final String LOCAL_NAME = "refer_portal";

    private final boolean secure;

    public SessionCookie(boolean secure) {
        this.secure = secure;
    }

    public String name() {
        return secure ? SECURE_NAME : LOCAL_NAME;
    }

    /** The token the request's cookie carries, if any (API Gateway passes cookies as "name=value" strings). */
    public Optional<String> read(HttpRequest request) {
        String prefix = name() + "=";
        return request.cookies().stream().map(String::strip).filter(cookie -> cookie.startsWith(prefix))
                .map(cookie -> cookie.substring(prefix.length())).findFirst();
    }

    /** Set-Cookie for a new session, living until the session's absolute end. */
    public String issue(String token, Instant now, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return attributes(name() + "=" + token + "; Max-Age=" + maxAge);
    }

    /** Set-Cookie that removes it. */
    public String clear() {
        return attributes(name() + "=; Max-Age=0");
    }

    private String attributes(String value) {
        return value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}

package dev.refer.portal.signin;

import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.web.PortalSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery checks. Signed in: a state-changing request carries the session's token, as the form
 * field {@code csrf} or the header {@code X-CSRF-Token} (compared in constant time). Before a session exists (sign-in
 * request and confirmation) there is no token to carry: the browser's {@code Sec-Fetch-Site} or {@code Origin} must
 * say the request comes from the portal's own pages.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    public static final String HEADER = "x-csrf-token";
    static final int MAX_FORM_BYTES = 64 * 1024;

    private Csrf() {
    }

    public static boolean isStateChanging(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    /** The session's token in the header or, for a form, in its {@code csrf} field. */
    public static boolean carriesToken(HttpRequest request, PortalSession session) {
        Optional<String> sent = request.header(HEADER);
        if (sent.isEmpty() && request.mediaType().equals("application/x-www-form-urlencoded")
                && request.body().length <= MAX_FORM_BYTES) {
            try {
                sent = Optional.ofNullable(FormBody.parse(request.bodyText()).get(FIELD));
            } catch (FormBody.MalformedFormException e) {
                return false;
            }
        }
        return sent.isPresent() && MessageDigest.isEqual(sent.get().getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A pre-session form post from the portal's own pages: refused when the browser says it is cross-site
     * ({@code Sec-Fetch-Site}) or its {@code Origin} is another host. A browser that says {@code same-origin} is
     * believed (no page can set that header), whatever its {@code Origin}: a form on a page served with
     * {@code Referrer-Policy: no-referrer} (the sign-in link's page, whose address holds the token) is posted with
     * {@code Origin: null}. A client that sends neither (no browser) has no ambient cookie to abuse and passes.
     */
    public static boolean sameOrigin(HttpRequest request) {
        Optional<String> site = request.header("sec-fetch-site");
        if (site.isPresent() && site.get().equals("same-origin")) {
            return true;
        }
        if (site.isPresent() && !site.get().equals("none")) {
            return false;
        }
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return true;
        }
        String host = request.header("host").orElseGet(() -> request.event().getRequestContext() == null ? ""
                : String.valueOf(request.event().getRequestContext().getDomainName()));
        try {
            URI uri = URI.create(origin.get());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return uri.getHost() != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false; // "null" or garbage: an opaque origin is not ours
        }
    }
}

package dev.refer.portal.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.signin.ConfirmSignIn;
import dev.refer.core.signin.RequestSignIn;
import dev.refer.core.signin.SignOut;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;
import dev.refer.portal.PortalPages;
import dev.refer.portal.PublicRoutes;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The passwordless sign-in: the page asking for an address, the request for a link (the same answer for every
 * address, after at least {@code answerFloor}, so neither the answer nor its timing tells whether a partner has it),
 * the link's page with its "Sign in" button (opening it uses nothing: mail scanners open links), the button's POST
 * that uses the token and starts the session, and signing out. Forms post {@code application/x-www-form-urlencoded};
 * the same routes take JSON.
 */
public final class SignInRoutes implements PublicRoutes {

    static final int MAX_BODY_BYTES = 4 * 1024;
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    record EmailBody(String email) {
    }

    record TokenBody(String token) {
    }

    private final RequestSignIn requestSignIn;
    private final ConfirmSignIn confirmSignIn;
    private final SignOut signOut;
    private final SessionGate gate;
    private final SessionTokens tokens;
    private final SessionCookie cookie;
    private final String publicBaseUrl;
    private final Duration answerFloor;
    private final Clock clock;

    public SignInRoutes(RequestSignIn requestSignIn, ConfirmSignIn confirmSignIn, SignOut signOut, SessionGate gate,
                        SessionTokens tokens, SessionCookie cookie, String publicBaseUrl, Duration answerFloor,
                        Clock clock) {
        this.requestSignIn = requestSignIn;
        this.confirmSignIn = confirmSignIn;
        this.signOut = signOut;
        this.gate = gate;
        this.tokens = tokens;
        this.cookie = cookie;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        this.answerFloor = answerFloor;
        this.clock = clock;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/signin" -> signInPage(request);
            case "POST /portal/signin" -> requestLink(request);
            case "GET /portal/signin/confirm" -> confirmPage(request);
            case "POST /portal/signin/confirm" -> confirm(request);
            case "POST /portal/signout" -> signOut(request);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse signInPage(HttpRequest request) {
        if (gate.check(request).isPresent()) {
            return HttpResponse.redirect(303, "/portal");
        }
        String email = request.query("email").filter(value -> value.length() <= 254).orElse("");
        return signInForm(200, email, null);
    }

    private static APIGatewayV2HTTPResponse signInForm(int status, String email, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("email", email);
        params.put("error", error);
        return PortalPages.page(status, "Sign in", null, "signin.jte", params);
    }

    private APIGatewayV2HTTPResponse requestLink(HttpRequest request) {
        boolean form = isForm(request);
        long started = System.nanoTime();
        if (!Csrf.sameOrigin(request)) {
            return crossSite(form);
        }
        String email;
        try {
            email = form ? field(request, "email") : readJson(request, EmailBody.class).email();
            RequestSignIn.Outcome outcome = requestSignIn.request(email, sourceIp(request),
                    baseUrl(request) + "/portal/signin/confirm");
            awaitFloor(started);
            return switch (outcome) {
                case RequestSignIn.Accepted accepted -> {
                    Log.info("signin.requested", "delivery", accepted.delivery().name());
                    yield form ? PortalPages.page(200, "Check your email", null, "signin-sent.jte", Map.of())
                            : HttpResponse.json(202, Map.of("status", "accepted", "detail",
                            "If a partner account uses this address, a sign-in link is on its way."));
                }
                case RequestSignIn.TooManyRequests tooMany -> {
                    Log.info("signin.limited");
                    long seconds = Math.max(1, Duration.between(clock.instant(), tooMany.retryAt()).toSeconds());
                    APIGatewayV2HTTPResponse answer = form
                            ? PortalPages.message(429, "Too many requests", null,
                            "Too many sign-in links were asked for. Try again later.", "/portal/signin", "Back")
                            : HttpResponse.problem(Problem.of(429, "too-many-requests", "Too many requests",
                            "Too many sign-in links were asked for; try again later."));
                    yield HttpResponse.withHeader(answer, "retry-after", Long.toString(seconds));
                }
            };
        } catch (Invalid e) {
            awaitFloor(started);
            if (!form) {
                throw e;
            }
            String typed = fieldOrEmpty(request, "email");
            return signInForm(400, typed.length() > 254 ? "" : typed, "Enter a valid email address.");
        }
    }

    private APIGatewayV2HTTPResponse confirmPage(HttpRequest request) {
        String token = request.query("token").filter(value -> value.length() <= 256).orElse("");
        APIGatewayV2HTTPResponse page = token.isEmpty()
                ? PortalPages.message(400, "Sign in", null, "This sign-in link is incomplete. Ask for a new one.",
                "/portal/signin", "Ask for a new sign-in link")
                : PortalPages.page(200, "Sign in", null, "signin-confirm.jte", Map.of("token", token));
        // the token is in this page's URL: no request from it may carry the URL elsewhere
        return HttpResponse.withHeader(page, "referrer-policy", "no-referrer");
    }

    private APIGatewayV2HTTPResponse confirm(HttpRequest request) {
        boolean form = isForm(request);
        if (!Csrf.sameOrigin(request)) {
            return crossSite(form);
        }
        String token = form ? fieldOrEmpty(request, "token") : readJson(request, TokenBody.class).token();
        ConfirmSignIn.Outcome outcome = confirmSignIn.confirm(token);
        return switch (outcome) {
            case ConfirmSignIn.SignedIn signedIn -> {
                Log.info("signin.confirmed", "partnerId", signedIn.partner().id().value());
                String setCookie = cookie.issue(tokens.issue(signedIn.session()), clock.instant(),
                        signedIn.session().expiresAt());
                APIGatewayV2HTTPResponse answer = form ? HttpResponse.redirect(303, "/portal")
                        : HttpResponse.json(200, Map.of("partnerId", signedIn.partner().id().value(),
                        "name", signedIn.partner().name(), "csrfToken", signedIn.session().csrfToken()));
                yield withCookie(answer, setCookie);
            }
            case ConfirmSignIn.Refused refused -> {
                Log.info("signin.refused");
                yield form ? PortalPages.message(400, "Sign-in link not valid", null,
                        "This sign-in link was already used, has expired or is not valid. Ask for a new one.",
                        "/portal/signin", "Ask for a new sign-in link")
                        : HttpResponse.problem(Problem.of(400, "signin-link-invalid", "Sign-in link not valid",
                        "The sign-in link was already used, has expired or is not valid; ask for a new one."));
            }
        };
    }

    private APIGatewayV2HTTPResponse signOut(HttpRequest request) {
        boolean form = !request.mediaType().equals(JSON) && request.header(Csrf.HEADER).isEmpty();
        Optional<SessionGate.SignedIn> signedIn = gate.check(request);
        if (signedIn.isPresent()) {
            if (!Csrf.carriesToken(request, signedIn.get().session())) {
                return csrfRefused(form);
            }
            signOut.signOut(signedIn.get().session().sessionId());
            Log.info("signin.signedOut", "partnerId", signedIn.get().session().partnerId().value());
        }
        APIGatewayV2HTTPResponse answer = form ? HttpResponse.redirect(303, "/portal/signin")
                : HttpResponse.empty(204);
        return withCookie(answer, cookie.clear());
    }

    /** A refused state-changing request: a problem for the API, a page for a form. */
    public static APIGatewayV2HTTPResponse csrfRefused(boolean form) {
        return form ? PortalPages.message(403, "Request refused", null,
                "This form expired or did not come from the portal. Go back, reload the page and try again.",
                "/portal", "Back to the portal")
                : HttpResponse.problem(Problem.of(403, "csrf-token-invalid", "CSRF token missing or wrong",
                "State-changing requests must carry the session's CSRF token (header X-CSRF-Token, or the form field"
                        + " csrf); GET /portal/api/session answers it."));
    }

    private static APIGatewayV2HTTPResponse crossSite(boolean form) {
        return form ? PortalPages.message(403, "Request refused", null,
                "This form did not come from the portal's own pages.", "/portal/signin", "Go to the sign-in page")
                : HttpResponse.problem(Problem.of(403, "cross-site-request", "Cross-site request",
                "The request came from another site (Origin / Sec-Fetch-Site)."));
    }

    private static APIGatewayV2HTTPResponse withCookie(APIGatewayV2HTTPResponse response, String setCookie) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.getStatusCode())
                .withHeaders(response.getHeaders())
                .withCookies(List.of(setCookie))
                .withBody(response.getBody())
                .withIsBase64Encoded(response.getIsBase64Encoded())
                .build();
    }

    private static boolean isForm(HttpRequest request) {
        String media = request.mediaType();
        if (media.equals(FORM)) {
            return true;
        }
        if (media.equals(JSON)) {
            return false;
        }
        throw new ProblemException(Problems.unsupportedMediaType(FORM + " or " + JSON));
    }

    private static <T> T readJson(HttpRequest request, Class<T> type) {
        return request.jsonBody(type, MAX_BODY_BYTES);
    }

    private static String field(HttpRequest request, String name) {
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        String value = FormBody.parse(request.bodyText()).get(name);
        if (value == null || value.isBlank()) {
            throw Invalid.field(name, "is required");
        }
        return value;
    }

    private static String fieldOrEmpty(HttpRequest request, String name) {
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        String value = FormBody.parse(request.bodyText()).get(name);
        return value == null ? "" : value;
    }

    private static String sourceIp(HttpRequest request) {
        APIGatewayV2HTTPEvent.RequestContext context = request.event().getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    /** The configured public address, else the API's own as API Gateway reports it. */
    private String baseUrl(HttpRequest request) {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                    : publicBaseUrl;
        }
        APIGatewayV2HTTPEvent.RequestContext context = request.event().getRequestContext();
        if (context == null || context.getDomainName() == null || context.getDomainName().isBlank()) {
            throw new IllegalStateException("PUBLIC_BASE_URL is empty and the request names no domain");
        }
        return "https://" + context.getDomainName();
    }

    /** Every sign-in request answers after the same minimum time, whatever was (or was not) done behind it. */
    private void awaitFloor(long startedNanos) {
        long remaining = answerFloor.toNanos() - (System.nanoTime() - startedNanos);
        if (remaining > 0) {
            try {
                Thread.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}

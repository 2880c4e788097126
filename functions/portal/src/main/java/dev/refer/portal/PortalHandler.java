package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.portal.signin.Csrf;
import dev.refer.portal.signin.SessionGate;
import dev.refer.portal.signin.SignInRoutes;
import dev.refer.web.PortalSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The partner portal. Public routes first (applications, sign-in, assets). Every other {@code /portal} route passes,
 * in this order: the session (no live session: a page is sent to the sign-in page, the API answers 401), the CSRF
 * token of a state-changing request (403, nothing changed), the terms (a partner who has not accepted the current
 * version is sent to the terms page; the API answers 403 {@code terms-not-accepted}); only then the partner's routes,
 * which scope everything to the session's partner. Every answer carries the portal's security headers.
 */
public final class PortalHandler extends HttpFunction {

    /** What a partner may reach before accepting the current terms: the terms themselves and who they are. */
    static final Set<String> BEFORE_TERMS = Set.of("GET /portal/terms", "POST /portal/terms",
            "GET /portal/api/session");

    private final List<PublicRoutes> publicRoutes;
    private final List<PartnerRoutes> partnerRoutes;
    private final SessionGate gate;
    private final TermsGate terms;
    /** Kept reachable: the runtime holds its hooks weakly. */
    final SnapStartPriming priming;

    public PortalHandler() {
        this(System.getenv());
    }

    public PortalHandler(Map<String, String> env) {
        this(PortalWiring.create(env));
    }

    PortalHandler(PortalWiring wiring) {
        this.publicRoutes = wiring.publicRoutes();
        this.partnerRoutes = wiring.partnerRoutes();
        this.gate = wiring.gate();
        this.terms = wiring.terms();
        this.priming = wiring.registerPriming(this);
    }

    /** Every answer, a refused request's problem too, carries the portal's security headers. */
    @Override
    protected APIGatewayV2HTTPResponse finish(APIGatewayV2HTTPResponse response) {
        return SecurityHeaders.apply(response);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        for (PublicRoutes routes : publicRoutes) {
            Optional<APIGatewayV2HTTPResponse> response = routes.handle(request);
            if (response.isPresent()) {
                return response.get();
            }
        }
        String routeKey = request.routeKey();
        String path = routeKey.indexOf(' ') < 0 ? "" : routeKey.substring(routeKey.indexOf(' ') + 1);
        if (!path.equals("/portal") && !path.startsWith("/portal/")) {
            return HttpResponse.problem(Problem.of(404, "not-found", "Not found", "No such page."));
        }
        boolean api = path.startsWith("/portal/api/");
        Optional<SessionGate.SignedIn> signedIn = gate.check(request);
        if (signedIn.isEmpty()) {
            return api ? HttpResponse.problem(Problem.of(401, "not-signed-in", "Not signed in",
                    "Sign in first (POST /portal/signin, then the emailed link); the session may have ended."))
                    : HttpResponse.redirect(303, "/portal/signin");
        }
        PortalSession session = signedIn.get().session();
        if (Csrf.isStateChanging(request.method()) && !Csrf.carriesToken(request, session)) {
            return SignInRoutes.csrfRefused(!api);
        }
        boolean termsAccepted = terms.accepted(session);
        if (routeKey.equals("GET /portal/api/session")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("partnerId", session.partnerId().value());
            body.put("name", signedIn.get().partnerName());
            body.put("csrfToken", session.csrfToken());
            body.put("termsAccepted", termsAccepted);
            return HttpResponse.json(200, body);
        }
        if (!termsAccepted && !BEFORE_TERMS.contains(routeKey)) {
            return api ? HttpResponse.problem(Problem.of(403, "terms-not-accepted", "Terms not accepted",
                    "Accept the program's current terms first (GET /portal/terms)."))
                    : HttpResponse.redirect(303, "/portal/terms");
        }
        for (PartnerRoutes routes : partnerRoutes) {
            Optional<APIGatewayV2HTTPResponse> response = routes.handle(request, session);
            if (response.isPresent()) {
                return response.get();
            }
        }
        return api ? HttpResponse.problem(Problem.of(404, "not-found", "Not found", "No such resource."))
                : PortalPages.page(404, "Not found", session, "not-found.jte", Map.of());
    }
}

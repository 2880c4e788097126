package dev.refer.portal.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.terms.AcceptTerms;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.Terms;
import dev.refer.core.terms.TermsBook;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.portal.PortalPages;
import dev.refer.web.PortalSession;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /portal/terms}: the program's current terms with an accept button (or the date the partner accepted
 * them); {@code POST /portal/terms}: accepts the version the page showed, recording the time, source IP and user
 * agent. The handler lets a partner reach these before accepting: they are how the terms gate opens.
 */
public final class TermsRoutes implements PartnerRoutes {

    static final int MAX_BODY_BYTES = 4 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.US)
            .withZone(ZoneOffset.UTC);

    record VersionBody(String version) {
    }

    private final TermsBook book;
    private final AcceptTerms acceptTerms;

    public TermsRoutes(TermsBook book, AcceptTerms acceptTerms) {
        this.book = book;
        this.acceptTerms = acceptTerms;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/terms" -> page(session, null);
            case "POST /portal/terms" -> accept(request, session);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse page(PortalSession session, String notice) {
        Optional<Terms> current = book.current();
        if (current.isEmpty()) {
            return PortalPages.message(200, "Program terms", session, "The program has not published terms yet.",
                    "/portal", "Go to your dashboard");
        }
        Terms terms = current.get();
        Map<String, Object> params = new HashMap<>();
        params.put("version", terms.version());
        params.put("published", DATE.format(terms.publishedAt()));
        params.put("paragraphs", paragraphs(terms.text()));
        params.put("csrf", session.csrfToken());
        params.put("acceptedOn", book.acceptance(session.partnerId(), terms.version())
                .map(acceptance -> DATE.format(acceptance.acceptedAt())).orElse(null));
        params.put("notice", notice);
        return PortalPages.page(notice == null ? 200 : 409, "Program terms", session, "terms.jte", params);
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private APIGatewayV2HTTPResponse accept(HttpRequest request, PortalSession session) {
        boolean form = request.mediaType().equals("application/x-www-form-urlencoded");
        String version;
        if (form) {
            if (request.body().length > MAX_BODY_BYTES) {
                throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
            }
            version = FormBody.parse(request.bodyText()).get("version");
        } else if (request.mediaType().equals("application/json")) {
            version = request.jsonBody(VersionBody.class, MAX_BODY_BYTES).version();
        } else {
            throw new ProblemException(Problems.unsupportedMediaType("application/x-www-form-urlencoded or "
                    + "application/json"));
        }
        if (!Terms.isVersion(version)) {
            if (form) {
                return page(session, "The form did not name a version of the terms; accept the version below.");
            }
            throw new ProblemException(Problem.invalidField("version", "must be the current terms' version"));
        }
        APIGatewayV2HTTPEvent.RequestContext context = request.event().getRequestContext();
        String ip = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
        String userAgent = request.header("user-agent").map(agent -> agent.length() > 512 ? agent.substring(0, 512)
                : agent).orElse(null);
        return switch (acceptTerms.accept(new AcceptTerms.Command(session.partnerId(), version, ip, userAgent))) {
            case AcceptTerms.Result.Accepted accepted -> {
                Log.info("terms.accepted", "partnerId", session.partnerId().value(), "version", version,
                        "now", accepted.now());
                yield form ? HttpResponse.redirect(303, "/portal") : HttpResponse.json(200, body(accepted.acceptance()));
            }
            case AcceptTerms.Result.NotCurrent notCurrent -> form
                    ? page(session, "The terms changed while the page was open: read and accept the current version.")
                    : HttpResponse.problem(Problem.of(409, "terms-not-current", "Not the current terms",
                    "Version " + notCurrent.current().version() + " is the current one; accept that."));
            case AcceptTerms.Result.NoTerms none -> form
                    ? HttpResponse.redirect(303, "/portal")
                    : HttpResponse.problem(Problem.of(409, "no-terms", "No terms",
                    "The program has not published terms: there is nothing to accept."));
        };
    }

    private static Map<String, Object> body(Acceptance acceptance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", acceptance.version());
        body.put("acceptedAt", acceptance.acceptedAt().toString());
        return body;
    }
}

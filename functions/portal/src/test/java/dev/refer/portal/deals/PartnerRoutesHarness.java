package dev.refer.portal.deals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.portal.PartnerRoutes;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.web.PortalSession;

import java.util.Map;

/**
 * A route family behind the HTTP plumbing the portal's handler gives it (problems for ProblemException, Invalid and
 * malformed forms), with a fixed, already checked session: what the sign-in handler hands a PartnerRoutes.
 */
public final class PartnerRoutesHarness extends HttpFunction {

    private final PartnerRoutes routes;
    private PortalSession session;

    public PartnerRoutesHarness(PartnerRoutes routes, PortalSession session) {
        this.routes = routes;
        this.session = session;
    }

    public PartnerRoutesHarness as(PortalSession who) {
        this.session = who;
        return this;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        return routes.handle(request, session).orElseGet(() -> HttpResponse.problem(Problem.of(404, "not-found",
                "Not found", "No such page.")));
    }

    public ApiEvent.ApiResponse get(String routeKey, String path, Map<String, String> pathParameters,
                                    Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, pathParameters)
                .query(raw.toString(), query).invoke(this);
    }

    public ApiEvent.ApiResponse post(String routeKey, String path, String contentType, String body) {
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, Map.of()).query("", Map.of())
                .body(contentType, body).invoke(this);
    }
}

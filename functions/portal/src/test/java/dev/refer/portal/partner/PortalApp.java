package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.web.PortalSession;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's routes behind a stand-in for the portal handler: the session is the one the test signs in as (the
 * real handler checks the cookie, the CSRF token and the terms before it calls these routes).
 */
final class PortalApp extends HttpFunction {

    private final List<PartnerRoutes> routes;
    private PortalSession session;

    PortalApp(List<PartnerRoutes> routes) {
        this.routes = routes;
    }

    PortalApp as(PortalSession session) {
        this.session = session;
        return this;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        for (PartnerRoutes family : routes) {
            Optional<APIGatewayV2HTTPResponse> response = family.handle(request, session);
            if (response.isPresent()) {
                return response.get();
            }
        }
        return HttpResponse.problem(Problems.notFound("This page"));
    }

    ApiResponse get(String routeKey, String path, Map<String, String> params) {
        return get(routeKey, path, params, Map.of());
    }

    ApiResponse get(String routeKey, String path, Map<String, String> params, Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query(raw.toString(), query)
                .invoke(this);
    }

    ApiResponse send(String routeKey, String path, Map<String, String> params, String contentType, String body) {
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query("", Map.of())
                .body(contentType, body).invoke(this);
    }

    ApiResponse form(String routeKey, String path, Map<String, String> params, String body) {
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query("", Map.of())
                .base64Body("application/x-www-form-urlencoded", body).invoke(this);
    }

    ApiResponse json(String routeKey, String path, Map<String, String> params, String body) {
        return send(routeKey, path, params, "application/json", body);
    }
}

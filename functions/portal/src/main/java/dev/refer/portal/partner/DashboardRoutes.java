package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.portal.Dashboard;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;

import java.util.Map;
import java.util.Optional;

/** The partner's dashboard, {@code GET /portal}, and its twin {@code GET /portal/api/dashboard}. */
public final class DashboardRoutes implements PartnerRoutes {

    private final Dashboard dashboard;
    private final ShortLinks shortLinks;

    public DashboardRoutes(Dashboard dashboard, ShortLinks shortLinks) {
        this.dashboard = dashboard;
        this.shortLinks = shortLinks;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal" -> Web.page(200, "Dashboard", session, "dashboard.jte",
                    Map.of("view", dashboard.of(session.partnerId()), "shortLinks", shortLinks.resolve(request)));
            case "GET /portal/api/dashboard" -> HttpResponse.json(200,
                    PortalJson.dashboard(dashboard.of(session.partnerId()), shortLinks.resolve(request)));
            default -> null;
        });
    }
}

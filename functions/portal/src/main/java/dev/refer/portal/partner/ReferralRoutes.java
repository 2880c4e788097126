package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.reporting.PartnerQueries;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;

import java.util.Map;
import java.util.Optional;

/**
 * The partner's referrals: their leads newest first (the prospect's email masked) and their customers' sales. The
 * page pages each list on its own cursor ({@code leads}, {@code sales}); the API's twins use {@code cursor}. And the
 * funnel per sub-id value of a month ({@code GET /portal/api/sub-ids?month=}, this month by default), always the
 * session's partner's.
 */
public final class ReferralRoutes implements PartnerRoutes {

    private final PartnerQueries queries;

    public ReferralRoutes(PartnerQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/referrals" -> {
                java.time.YearMonth month = queries.currentMonth();
                yield Web.page(200, "Referrals", session, "referrals.jte", Map.of(
                        "leads", queries.leads(session.partnerId(), listing(request, "leads")),
                        "sales", queries.conversions(session.partnerId(), listing(request, "sales")),
                        "subIds", queries.subIdFunnel(session.partnerId(), month), "month", month));
            }
            case "GET /portal/api/leads" -> HttpResponse.json(200, PortalJson.page(
                    queries.leads(session.partnerId(), Parameters.page(request)), PortalJson::lead));
            case "GET /portal/api/customers" -> HttpResponse.json(200, PortalJson.page(
                    queries.conversions(session.partnerId(), Parameters.page(request)), PortalJson::customer));
            case "GET /portal/api/sub-ids" -> {
                String text = request.query("month").orElse(null);
                java.time.YearMonth month = text == null ? queries.currentMonth() : Parameters.month("month", text);
                yield HttpResponse.json(200, PortalJson.subIdFunnel(month,
                        queries.subIdFunnel(session.partnerId(), month)));
            }
            default -> null;
        });
    }

    /** One of the page's two listings, its cursor in the query parameter {@code name}. */
    static PageRequest listing(HttpRequest request, String name) {
        return new PageRequest(PageRequest.DEFAULT_LIMIT, request.query(name).orElse(null));
    }
}

package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.SnapStartPriming;

import java.util.Map;
import java.util.function.Function;

/**
 * The program manager's API. API Gateway authorises every route with IAM (SigV4) before this function runs, and
 * names the matched route in {@code routeKey}, which is all the routing this handler needs.
 */
public final class AdminApiHandler extends HttpFunction {

    private final Map<String, Function<HttpRequest, APIGatewayV2HTTPResponse>> routes;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public AdminApiHandler() {
        this(System.getenv());
    }

    public AdminApiHandler(Map<String, String> env) {
        this(AdminWiring.create(env));
    }

    AdminApiHandler(AdminWiring wiring) {
        AdminRoutes r = wiring.routes();
        PayoutRoutes p = wiring.payouts();
        CommsRoutes c = wiring.comms();
        DealAdminRoutes d = wiring.deals();
        OnboardingRoutes o = wiring.onboarding();
        ImportRoutes i = wiring.imports();
        PromotionCodeRoutes pc = wiring.promotionCodes();
        SubIdRoutes s = wiring.subIds();
        WebhookEndpointRoutes w = wiring.webhookEndpoints();
        this.routes = Map.ofEntries(
                Map.entry("GET /admin/program", r::getProgram),
                Map.entry("PUT /admin/program", r::putProgram),
                Map.entry("POST /admin/partners", r::createPartner),
                Map.entry("POST /admin/partners/import", i::importPartners),
                Map.entry("GET /admin/partners", r::listPartners),
                Map.entry("GET /admin/partners/{partnerId}", r::getPartner),
                Map.entry("PATCH /admin/partners/{partnerId}", r::updatePartner),
                Map.entry("POST /admin/partners/{partnerId}/links", r::createLink),
                Map.entry("GET /admin/partners/{partnerId}/links", r::listLinks),
                Map.entry("PATCH /admin/links/{code}", r::updateLink),
                Map.entry("GET /admin/partners/{partnerId}/leads", r::listLeads),
                Map.entry("GET /admin/leads/{leadId}", r::getLead),
                Map.entry("POST /admin/leads/{leadId}/qualify", r::qualifyLead),
                Map.entry("POST /admin/leads/{leadId}/reject", r::rejectLead),
                Map.entry("GET /admin/partners/{partnerId}/conversions", r::listConversions),
                Map.entry("GET /admin/partners/{partnerId}/commissions", r::listCommissions),
                Map.entry("GET /admin/partners/{partnerId}/stats", r::partnerStats),
                Map.entry("GET /admin/payouts", p::listPayouts),
                Map.entry("GET /admin/payouts.csv", p::payoutsCsv),
                Map.entry("GET /admin/payouts/{payoutId}", p::getPayout),
                Map.entry("POST /admin/payouts/{payoutId}/paid", p::markPaid),
                Map.entry("POST /admin/payouts/{payoutId}/failed", p::markFailed),
                Map.entry("GET /admin/partners/{partnerId}/payouts", p::partnerPayouts),
                Map.entry("POST /admin/partners/{partnerId}/commissions/{commissionId}/approve", p::approveCommission),
                Map.entry("POST /admin/partners/{partnerId}/commissions/{commissionId}/void", p::voidCommission),
                Map.entry("POST /admin/payout-runs", p::startRun),
                Map.entry("GET /admin/payout-runs/{period}", p::getRun),
                Map.entry("GET /admin/communications", c::getSettings),
                Map.entry("PUT /admin/communications", c::putSettings),
                Map.entry("GET /admin/partners/{partnerId}/preferences", c::getPreferences),
                Map.entry("PUT /admin/partners/{partnerId}/preferences", c::putPreferences),
                Map.entry("POST /admin/broadcasts", c::createBroadcast),
                Map.entry("GET /admin/broadcasts", c::listBroadcasts),
                Map.entry("GET /admin/broadcasts/{broadcastId}", c::getBroadcast),
                Map.entry("POST /admin/broadcasts/{broadcastId}/send", c::sendBroadcast),
                Map.entry("POST /admin/checkin-runs", c::startCheckins),
                Map.entry("GET /admin/checkin-runs/{month}", c::getCheckins),
                Map.entry("GET /admin/deals", d::list),
                Map.entry("POST /admin/deals/{dealId}/approve", d::approve),
                Map.entry("POST /admin/deals/{dealId}/reject", d::reject),
                Map.entry("GET /admin/deal-settings", d::getSettings),
                Map.entry("PUT /admin/deal-settings", d::putSettings),
                Map.entry("POST /admin/terms", o::publishTerms),
                Map.entry("GET /admin/terms", o::getTerms),
                Map.entry("GET /admin/partners/{partnerId}/terms", o::partnerTerms),
                Map.entry("GET /admin/applications", o::listApplications),
                Map.entry("GET /admin/applications/{applicationId}", o::getApplication),
                Map.entry("POST /admin/applications/{applicationId}/approve", o::approve),
                Map.entry("POST /admin/applications/{applicationId}/reject", o::reject),
                Map.entry("POST /admin/invitations", o::invite),
                Map.entry("GET /admin/onboarding", o::getSettings),
                Map.entry("PUT /admin/onboarding", o::putSettings),
                Map.entry("PUT /admin/promotion-codes/{promotionCodeId}", pc::put),
                Map.entry("GET /admin/promotion-codes/{promotionCodeId}", pc::get),
                Map.entry("GET /admin/sub-ids", s::getSettings),
                Map.entry("PUT /admin/sub-ids", s::putSettings),
                Map.entry("GET /admin/partners/{partnerId}/sub-ids", s::partnerFunnel),
                Map.entry("POST /admin/webhook-endpoints", w::register),
                Map.entry("GET /admin/webhook-endpoints", w::list),
                Map.entry("GET /admin/webhook-endpoints/{endpointId}", w::get),
                Map.entry("PATCH /admin/webhook-endpoints/{endpointId}", w::change),
                Map.entry("DELETE /admin/webhook-endpoints/{endpointId}", w::delete),
                Map.entry("POST /admin/webhook-endpoints/{endpointId}/rotate-secret", w::rotateSecret),
                Map.entry("GET /admin/webhook-endpoints/{endpointId}/deliveries", w::listDeliveries),
                Map.entry("POST /admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay",
                        w::replayDelivery));
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Function<HttpRequest, APIGatewayV2HTTPResponse> route = routes.get(request.routeKey());
        if (route == null) {
            return HttpResponse.problem(Problem.of(404, "no-route", "No such route",
                    request.routeKey() + " is not part of the admin API."));
        }
        return route.apply(request);
    }
}

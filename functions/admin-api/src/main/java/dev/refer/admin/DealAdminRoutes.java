package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.DealQueries;
import dev.refer.core.deal.DealSettings;
import dev.refer.core.deal.DealStatus;
import dev.refer.core.deal.ReviewDeal;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The program manager's deal-registration routes: the registrations by status, approve (the partner's claim on the
 * account is accepted: leads and sales on its domain become the partner's, and the period restarts), reject with a
 * reason (the domain is free at once), and the registration period.
 */
final class DealAdminRoutes {

    record ReasonBody(String reason) {
    }

    record SettingsBody(Integer registrationDays) {
    }

    private final DealQueries queries;
    private final ReviewDeal review;
    private final DealSettings settings;

    DealAdminRoutes(DealQueries queries, ReviewDeal review, DealSettings settings) {
        this.queries = queries;
        this.review = review;
        this.settings = settings;
    }

    /** {@code ?status=pending} (default), {@code expired}, {@code approved} or {@code rejected}. */
    APIGatewayV2HTTPResponse list(HttpRequest request) {
        DealStatus status = status(request.query("status").orElse("pending"));
        Page<Deal> page = queries.withStatus(status, AdminRoutes.page(request));
        Instant now = queries.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(deal -> json(deal, now)).toList());
        body.put("nextCursor", page.nextCursor());
        return HttpResponse.json(200, body);
    }

    APIGatewayV2HTTPResponse approve(HttpRequest request) {
        return answer(review.approve(dealId(request)));
    }

    APIGatewayV2HTTPResponse reject(HttpRequest request) {
        DealId id = dealId(request);
        ReasonBody body = request.jsonBody(ReasonBody.class, AdminRoutes.MAX_BODY_BYTES);
        return answer(review.reject(id, body == null ? null : body.reason()));
    }

    APIGatewayV2HTTPResponse getSettings(HttpRequest request) {
        return HttpResponse.json(200, Map.of("registrationDays", settings.registrationDays()));
    }

    APIGatewayV2HTTPResponse putSettings(HttpRequest request) {
        SettingsBody body = request.jsonBody(SettingsBody.class, AdminRoutes.MAX_BODY_BYTES);
        Integer days = body == null ? null : body.registrationDays();
        if (days == null || days < DealSettings.MIN_DAYS || days > DealSettings.MAX_DAYS) {
            throw Invalid.field("registrationDays", "must be between " + DealSettings.MIN_DAYS + " and "
                    + DealSettings.MAX_DAYS);
        }
        settings.setRegistrationDays(days);
        return HttpResponse.json(200, Map.of("registrationDays", days));
    }

    private APIGatewayV2HTTPResponse answer(ReviewDeal.Result result) {
        Instant now = queries.now();
        return switch (result) {
            case ReviewDeal.Result.Approved approved -> HttpResponse.json(200, json(approved.deal(), now));
            case ReviewDeal.Result.Rejected rejected -> HttpResponse.json(200, json(rejected.deal(), now));
            case ReviewDeal.Result.NotFound notFound -> HttpResponse.problem(Problems.notFound("This deal"
                    + " registration"));
            case ReviewDeal.Result.NotReviewable not -> HttpResponse.problem(Problem.of(409, "deal-not-reviewable",
                    "Deal registration cannot be decided", "The registration is "
                            + not.status().name().toLowerCase(Locale.ROOT) + ": only a pending registration can be"
                            + " approved, and a rejected one cannot be rejected again."));
        };
    }

    private static DealId dealId(HttpRequest request) {
        try {
            return new DealId(request.pathParameter("dealId").orElse(null));
        } catch (Invalid e) {
            throw new ProblemException(Problems.notFound("The deal registration in the path"));
        }
    }

    private static DealStatus status(String value) {
        for (DealStatus status : DealStatus.values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw Invalid.field("status", "must be one of " + String.join(", ", List.of("pending", "expired",
                "approved", "rejected")));
    }

    static Map<String, Object> json(Deal deal, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dealId", deal.id().value());
        out.put("partnerId", deal.partnerId().value());
        out.put("companyName", deal.companyName());
        out.put("domain", deal.domain().value());
        out.put("contactName", deal.contactName());
        out.put("contactEmail", deal.contactEmail() == null ? null : deal.contactEmail().value());
        out.put("notes", deal.notes());
        out.put("status", deal.statusAt(now).name().toLowerCase(Locale.ROOT));
        out.put("registeredAt", deal.registeredAt().toString());
        out.put("expiresAt", deal.expiresAt().toString());
        out.put("decidedAt", deal.decidedAt() == null ? null : deal.decidedAt().toString());
        out.put("reason", deal.reason());
        return out;
    }
}

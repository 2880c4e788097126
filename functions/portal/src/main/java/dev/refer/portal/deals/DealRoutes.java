package dev.refer.portal.deals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.DealQueries;
import dev.refer.core.deal.RegisterDeal;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.deal.DynamoDbDealRegistry;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.portal.PortalPages;
import dev.refer.portal.forms.PostedForm;
import dev.refer.web.PortalSession;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's deal registrations: {@code GET|POST /portal/deals} (the list and the form), {@code GET|POST
 * /portal/api/deals} and {@code GET /portal/api/deals/{dealId}}. Everything is read and written as the session's
 * partner: a registration id of another partner is a 404, as is one that does not exist.
 */
public final class DealRoutes implements PartnerRoutes {

    static final int MAX_BODY_BYTES = 8 * 1024;
    static final List<String> FIELDS = List.of("companyName", "domain", "contactName", "contactEmail", "notes");
    static final String TAKEN = "is already registered by another partner: ask the program manager if you are"
            + " working with this company";
    static final String FREE_MAIL = "is a free email service, not a company's domain";

    /** A registration as the JSON API writes it. */
    public record Body(String companyName, String domain, String contactName, String contactEmail, String notes) {
    }

    private final RegisterDeal registerDeal;
    private final DealQueries queries;

    public DealRoutes(RegisterDeal registerDeal, DealQueries queries) {
        this.registerDeal = registerDeal;
        this.queries = queries;
    }

    /** The production family on the table. */
    public static DealRoutes create(DynamoDbClient dynamoDb, TableConfig table, PartnerRepository partners,
                                    IdGenerator ids, Clock clock) {
        DynamoDbDealRegistry registry = new DynamoDbDealRegistry(dynamoDb, table);
        return new DealRoutes(new RegisterDeal(registry, registry, partners, ids, clock),
                new DealQueries(registry, clock));
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/deals" -> page(request, session);
            case "POST /portal/deals" -> postForm(request, session);
            case "GET /portal/api/deals" -> list(request, session);
            case "POST /portal/api/deals" -> postJson(request, session);
            case "GET /portal/api/deals/{dealId}" -> one(request, session);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse page(HttpRequest request, PortalSession session) {
        String message = request.query("registered").flatMap(id -> own(session, id))
                .map(deal -> "Registered " + deal.domain() + ": the program manager reviews it. It holds the"
                        + " domain for you until " + deal.expiresAt().toString().substring(0, 10) + ".")
                .orElse(null);
        return render(200, session, Map.of(), Map.of(), message);
    }

    private APIGatewayV2HTTPResponse postForm(HttpRequest request, PortalSession session) {
        Map<String, String> form = PostedForm.read(request, MAX_BODY_BYTES);
        Map<String, String> typed = PostedForm.echo(form, FIELDS, RegisterDeal.MAX_NOTES + 1);
        RegisterDeal.Result result;
        try {
            result = registerDeal.register(command(session, form.get("companyName"), form.get("domain"),
                    form.get("contactName"), form.get("contactEmail"), form.get("notes")));
        } catch (Invalid invalid) {
            return render(400, session, typed, PostedForm.errors(invalid), null);
        }
        return switch (result) {
            case RegisterDeal.Result.Registered r -> registered(r.deal());
            case RegisterDeal.Result.AlreadyYours r -> registered(r.deal());
            case RegisterDeal.Result.DomainTaken r -> render(409, session, typed,
                    PostedForm.error("domain", TAKEN), null);
            case RegisterDeal.Result.FreeMailDomain r -> render(422, session, typed,
                    PostedForm.error("domain", FREE_MAIL), null);
            case RegisterDeal.Result.PartnerNotActive r -> PortalPages.message(403, "Deals", session,
                    "Your partner account is not active: you cannot register deals.", "/portal", "Back");
        };
    }

    /** Post, redirect, get: a reload does not post again. */
    private static APIGatewayV2HTTPResponse registered(Deal deal) {
        return HttpResponse.redirect(303, "/portal/deals?registered=" + deal.id().value());
    }

    private APIGatewayV2HTTPResponse render(int status, PortalSession session, Map<String, String> values,
                                            Map<String, String> errors, String message) {
        Page<Deal> deals = queries.ofPartner(session.partnerId(), PageRequest.first(PageRequest.MAX_LIMIT));
        Instant now = queries.now();
        Map<String, Object> params = new HashMap<>();
        params.put("deals", deals.items().stream().map(d -> DealView.of(d, now)).toList());
        params.put("more", deals.nextCursor() != null);
        params.put("values", values);
        params.put("errors", errors);
        params.put("message", message);
        params.put("csrf", session.csrfToken());
        return PortalPages.page(status, "Deals", session, "deals.jte", params);
    }

    private APIGatewayV2HTTPResponse list(HttpRequest request, PortalSession session) {
        Page<Deal> page = queries.ofPartner(session.partnerId(), Parameters.page(request));
        Instant now = queries.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(d -> json(d, now)).toList());
        body.put("nextCursor", page.nextCursor());
        return HttpResponse.json(200, body);
    }

    private APIGatewayV2HTTPResponse postJson(HttpRequest request, PortalSession session) {
        Body body = request.jsonBody(Body.class, MAX_BODY_BYTES);
        RegisterDeal.Result result = registerDeal.register(command(session, body.companyName(), body.domain(),
                body.contactName(), body.contactEmail(), body.notes()));
        Instant now = queries.now();
        return switch (result) {
            case RegisterDeal.Result.Registered r -> HttpResponse.withHeader(HttpResponse.json(201,
                    json(r.deal(), now)), "location", "/portal/api/deals/" + r.deal().id().value());
            case RegisterDeal.Result.AlreadyYours r -> HttpResponse.json(200, json(r.deal(), now));
            case RegisterDeal.Result.DomainTaken r -> HttpResponse.problem(new Problem(409,
                    Problem.TYPE_BASE + "domain-taken", "Domain already registered",
                    r.domain() + " " + TAKEN + ".", List.of(new Problem.FieldError("domain", TAKEN))));
            case RegisterDeal.Result.FreeMailDomain r -> HttpResponse.problem(new Problem(422,
                    Problem.TYPE_BASE + "free-mail-domain", "Not a company domain", r.domain() + " " + FREE_MAIL
                    + ".", List.of(new Problem.FieldError("domain", FREE_MAIL))));
            case RegisterDeal.Result.PartnerNotActive r -> HttpResponse.problem(Problem.of(403,
                    "partner-not-active", "Partner not active", "An inactive partner cannot register deals."));
        };
    }

    private APIGatewayV2HTTPResponse one(HttpRequest request, PortalSession session) {
        return request.pathParameter("dealId").flatMap(id -> own(session, id))
                .map(deal -> HttpResponse.json(200, json(deal, queries.now())))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("deal registration")));
    }

    /** The session's partner's registration {@code id}; empty for a malformed id, another partner's, or none. */
    private Optional<Deal> own(PortalSession session, String id) {
        DealId dealId;
        try {
            dealId = new DealId(id);
        } catch (Invalid e) {
            return Optional.empty();
        }
        return queries.ofPartner(session.partnerId(), dealId);
    }

    private static RegisterDeal.Command command(PortalSession session, String companyName, String domain,
                                                String contactName, String contactEmail, String notes) {
        return new RegisterDeal.Command(session.partnerId(), companyName, domain, contactName, contactEmail, notes);
    }

    static Map<String, Object> json(Deal deal, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dealId", deal.id().value());
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

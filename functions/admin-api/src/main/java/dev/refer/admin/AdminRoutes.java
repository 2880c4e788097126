package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.link.ChangeLink;
import dev.refer.core.link.CreateLink;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.ConfigureProgram;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.reporting.PartnerQueries;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** One method per admin route: read the request, call one use case or query, map the outcome. */
final class AdminRoutes {

    static final int MAX_BODY_BYTES = 32 * 1024;

    private final ProgramId programId;
    private final ConfigureProgram configureProgram;
    private final CreatePartner createPartner;
    private final ChangePartnerStatus changePartnerStatus;
    private final CreateLink createLink;
    private final ChangeLink changeLink;
    private final ReviewLead reviewLead;
    private final PartnerQueries queries;

    AdminRoutes(ProgramId programId, ConfigureProgram configureProgram, CreatePartner createPartner,
                ChangePartnerStatus changePartnerStatus, CreateLink createLink, ChangeLink changeLink,
                ReviewLead reviewLead, PartnerQueries queries) {
        this.programId = programId;
        this.configureProgram = configureProgram;
        this.createPartner = createPartner;
        this.changePartnerStatus = changePartnerStatus;
        this.createLink = createLink;
        this.changeLink = changeLink;
        this.reviewLead = reviewLead;
        this.queries = queries;
    }

    APIGatewayV2HTTPResponse getProgram(HttpRequest request) {
        return configureProgram.current().map(p -> ok(ProgramJson.write(p)))
                .orElseGet(() -> HttpResponse.problem(Problems.programNotConfigured()));
    }

    APIGatewayV2HTTPResponse putProgram(HttpRequest request) {
        Program program = ProgramJson.parse(request.jsonBody(AdminBodies.ProgramBody.class, MAX_BODY_BYTES), programId);
        return ok(ProgramJson.write(configureProgram.configure(program)));
    }

    APIGatewayV2HTTPResponse createPartner(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.NewPartnerBody.class, MAX_BODY_BYTES);
        Rules rules = Rules.check();
        EmailAddress email = rules.value("email", () -> new EmailAddress(body.email()));
        PartnerStatus status = body.status() == null ? null : rules.value("status", () -> status(body.status()));
        rules.orThrow();
        var override = body.plan() == null ? null : ProgramJson.plan(body.plan(), programCurrency(), "plan.");
        var result = createPartner.create(new CreatePartner.Command(body.name(), email, body.company(), status,
                override));
        return switch (result) {
            case CreatePartner.Result.Created created -> HttpResponse.withHeader(json(201, AdminJson.partner(created.partner())),
                    "location", "/admin/partners/" + created.partner().id());
            case CreatePartner.Result.EmailTaken ignored -> HttpResponse.problem(Problem.of(409, "email-taken",
                    "A partner with this email exists", "Each partner has its own email address."));
        };
    }

    APIGatewayV2HTTPResponse listPartners(HttpRequest request) {
        return ok(AdminJson.page(queries.partners(page(request)), AdminJson::partner));
    }

    APIGatewayV2HTTPResponse getPartner(HttpRequest request) {
        return queries.partner(partnerId(request)).map(p -> ok(AdminJson.partner(p)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This partner")));
    }

    APIGatewayV2HTTPResponse updatePartner(HttpRequest request) {
        String statusText = request.jsonBody(AdminBodies.PartnerChangeBody.class, MAX_BODY_BYTES).status();
        PartnerStatus status = Rules.check().value("status", () -> status(statusText));
        if (status == null) {
            throw Invalid.field("status", "must be one of PENDING, ACTIVE, SUSPENDED");
        }
        return changePartnerStatus.change(partnerId(request), status).map(p -> ok(AdminJson.partner(p)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This partner")));
    }

    APIGatewayV2HTTPResponse createLink(HttpRequest request) {
        PartnerId partnerId = partnerId(request);
        var body = request.jsonBody(AdminBodies.NewLinkBody.class, MAX_BODY_BYTES);
        var result = createLink.create(new CreateLink.Command(partnerId, body.code(), body.destination(),
                body.campaign()));
        return switch (result) {
            case CreateLink.Result.Created created -> json(201, AdminJson.link(created.link(), shortUrlBase(request)));
            case CreateLink.Result.PartnerNotFound ignored -> HttpResponse.problem(Problems.notFound("This partner"));
            case CreateLink.Result.CodeTaken taken -> HttpResponse.problem(new Problem(409,
                    Problem.TYPE_BASE + "code-taken", "This code is taken", "Link code " + taken.code()
                    + " is already in use.", java.util.List.of(new Problem.FieldError("code", "is already in use"))));
            case CreateLink.Result.ProgramNotConfigured ignored -> HttpResponse.problem(Problems.programNotConfigured());
        };
    }

    APIGatewayV2HTTPResponse listLinks(HttpRequest request) {
        String base = shortUrlBase(request);
        return ok(AdminJson.page(queries.links(partnerId(request), page(request)), l -> AdminJson.link(l, base)));
    }

    APIGatewayV2HTTPResponse updateLink(HttpRequest request) {
        LinkCode code = pathValue("code", () -> new LinkCode(request.pathParameter("code").orElse("")));
        Boolean enabled = request.jsonBody(AdminBodies.LinkChangeBody.class, MAX_BODY_BYTES).enabled();
        if (enabled == null) {
            throw Invalid.field("enabled", "is required: true or false");
        }
        String base = shortUrlBase(request);
        return changeLink.setEnabled(code, enabled).map(l -> ok(AdminJson.link(l, base)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This link")));
    }

    APIGatewayV2HTTPResponse listLeads(HttpRequest request) {
        return ok(AdminJson.page(queries.leads(partnerId(request), page(request)), AdminJson::lead));
    }

    APIGatewayV2HTTPResponse getLead(HttpRequest request) {
        return queries.lead(leadId(request)).map(l -> ok(AdminJson.lead(l)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This lead")));
    }

    APIGatewayV2HTTPResponse qualifyLead(HttpRequest request) {
        return review(request, ReviewLead.Decision.QUALIFY);
    }

    APIGatewayV2HTTPResponse rejectLead(HttpRequest request) {
        return review(request, ReviewLead.Decision.REJECT);
    }

    private APIGatewayV2HTTPResponse review(HttpRequest request, ReviewLead.Decision decision) {
        LeadId leadId = leadId(request);
        String reason = request.body().length == 0 ? null
                : request.jsonBody(AdminBodies.ReviewBody.class, MAX_BODY_BYTES).reason();
        return switch (reviewLead.review(new ReviewLead.Command(leadId, decision, reason))) {
            case ReviewLead.Result.Reviewed reviewed -> {
                Map<String, Object> body = AdminJson.lead(reviewed.lead());
                // the lead reward a qualification earned, or the reversal of it a rejection caused
                body.put("reward", reviewed.entries().isEmpty() ? null
                        : AdminJson.commission(reviewed.entries().getFirst()));
                yield ok(body);
            }
            case ReviewLead.Result.NotFound ignored -> HttpResponse.problem(Problems.notFound("This lead"));
            case ReviewLead.Result.NotReviewable state -> HttpResponse.problem(Problem.of(409, "lead-not-reviewable",
                    "The lead cannot be reviewed again", "The lead is " + state.current() + "."));
            case ReviewLead.Result.ProgramNotConfigured ignored -> HttpResponse.problem(Problems.programNotConfigured());
        };
    }

    APIGatewayV2HTTPResponse listConversions(HttpRequest request) {
        return ok(AdminJson.page(queries.conversions(partnerId(request), page(request)), AdminJson::conversion));
    }

    APIGatewayV2HTTPResponse listCommissions(HttpRequest request) {
        return ok(AdminJson.page(queries.commissions(partnerId(request), page(request)), AdminJson::commission));
    }

    APIGatewayV2HTTPResponse partnerStats(HttpRequest request) {
        var partner = queries.partner(partnerId(request)).orElse(null);
        if (partner == null) {
            return HttpResponse.problem(Problems.notFound("This partner"));
        }
        String month = request.query("month").orElse(null);
        YearMonth yearMonth = month == null ? null : Parameters.month("month", month);
        return ok(AdminJson.stats(queries.stats(partner, yearMonth), month));
    }

    private static APIGatewayV2HTTPResponse ok(Map<String, Object> body) {
        return json(200, body);
    }

    private static APIGatewayV2HTTPResponse json(int status, Map<String, Object> body) {
        return HttpResponse.json(status, body);
    }

    static PartnerId partnerId(HttpRequest request) {
        return pathValue("partnerId", () -> new PartnerId(request.pathParameter("partnerId").orElse("")));
    }

    private static LeadId leadId(HttpRequest request) {
        return pathValue("leadId", () -> new LeadId(request.pathParameter("leadId").orElse("")));
    }

    /**
     * A malformed id in the path names nothing that exists: 404, not 400 (as docs/openapi.yaml says), whether the
     * id's constructor refuses it as {@link Invalid} or as the JDK's {@link IllegalArgumentException}. Months and
     * periods in the path are values, not names: {@link Parameters#month} makes them a 400.
     */
    static <T> T pathValue(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (Invalid | IllegalArgumentException e) {
            throw new ProblemException(Problems.notFound("The " + name + " in the path"));
        }
    }

    static PageRequest page(HttpRequest request) {
        return Parameters.page(request);
    }

    private static PartnerStatus status(String text) {
        try {
            return PartnerStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Invalid.field("status", "must be one of PENDING, ACTIVE, SUSPENDED");
        }
    }


    private java.util.Currency programCurrency() {
        return configureProgram.current().map(Program::currency)
                .orElseThrow(() -> new ProblemException(Problems.programNotConfigured()));
    }

    /** Short links live at the API's root: {@code https://<host>/<code>} (API Gateway sets X-Forwarded-Proto). */
    static String shortUrlBase(HttpRequest request) {
        String scheme = request.header("x-forwarded-proto").orElse("https");
        return request.header("host").map(host -> scheme + "://" + host + "/").orElse(null);
    }
}

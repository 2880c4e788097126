package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationBook;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.core.application.InvitePartner;
import dev.refer.core.application.OnboardingSettings;
import dev.refer.core.application.ReviewApplication;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.DestinationPolicy;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.PublishTerms;
import dev.refer.core.terms.Terms;
import dev.refer.core.terms.TermsBook;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Taking partners in, in the admin API: the terms (publish a version, the current one and the history, a partner's
 * acceptances), applications (list by status, read, approve, reject), invitations and the onboarding settings
 * (automatic approval, the first link's destination).
 *
 * <p>This function sends no email. The use cases hand each onboarding email to the mail queue
 * ({@link dev.refer.core.application.OnboardingMail}) and a new version of the terms to a campaign
 * ({@link PublishTerms}); the mail worker writes them through the send log. So the admin function needs no SES
 * permission and no templates, a retried request (approving twice) asks again and the send log sends once, and a
 * program of 100,000 partners is told of new terms at the mail queue's pace, not inside one request.
 */
final class OnboardingRoutes {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final TermsBook terms;
    private final PublishTerms publishTerms;
    private final ApplicationBook applications;
    private final ReviewApplication review;
    private final InvitePartner invite;

    OnboardingRoutes(ProgramId programId, ProgramRepository programs, PartnerRepository partners, TermsBook terms,
                     PublishTerms publishTerms, ApplicationBook applications, ReviewApplication review,
                     InvitePartner invite) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.terms = terms;
        this.publishTerms = publishTerms;
        this.applications = applications;
        this.review = review;
        this.invite = invite;
    }

    // terms

    APIGatewayV2HTTPResponse publishTerms(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.TermsBody.class, AdminRoutes.MAX_BODY_BYTES);
        return switch (publishTerms.publish(new PublishTerms.Command(body.version(), body.text()))) {
            case PublishTerms.Result.Published published -> {
                Map<String, Object> json = termsJson(published.terms());
                json.put("notice", CommsRoutes.runJson(published.run()));
                yield HttpResponse.json(201, json);
            }
            case PublishTerms.Result.VersionTaken taken -> HttpResponse.problem(new Problem(409,
                    Problem.TYPE_BASE + "terms-version-taken", "This version exists",
                    "Version " + taken.existing().version() + " was published on " + taken.existing().publishedAt()
                            + "; a version is never edited: publish the change as a new version.",
                    java.util.List.of(new Problem.FieldError("version", "was published before"))));
        };
    }

    APIGatewayV2HTTPResponse getTerms(HttpRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current", terms.current().map(OnboardingRoutes::termsJson).orElse(null));
        json.put("history", AdminJson.page(terms.history(AdminRoutes.page(request)), OnboardingRoutes::termsJson));
        return HttpResponse.json(200, json);
    }

    APIGatewayV2HTTPResponse partnerTerms(HttpRequest request) {
        PartnerId partnerId = AdminRoutes.partnerId(request);
        if (partners.find(partnerId).isEmpty()) {
            throw new ProblemException(Problems.notFound("This partner"));
        }
        Map<String, Object> json = AdminJson.page(terms.acceptances(partnerId, AdminRoutes.page(request)),
                OnboardingRoutes::acceptanceJson);
        json.put("current", terms.current().map(Terms::version).orElse(null));
        return HttpResponse.json(200, json);
    }

    // applications

    APIGatewayV2HTTPResponse listApplications(HttpRequest request) {
        String status = request.query("status").orElse("pending");
        ApplicationStatus wanted = ApplicationStatus.fromWire(status, "status");
        return HttpResponse.json(200, AdminJson.page(applications.list(wanted, AdminRoutes.page(request)),
                OnboardingRoutes::applicationJson));
    }

    APIGatewayV2HTTPResponse getApplication(HttpRequest request) {
        ApplicationId id = applicationId(request);
        return applications.find(id).map(a -> HttpResponse.json(200, applicationJson(a)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This application")));
    }

    APIGatewayV2HTTPResponse approve(HttpRequest request) {
        ApplicationId id = applicationId(request);
        return switch (review.approve(id)) {
            case ReviewApplication.Approval.Approved approved -> {
                Map<String, Object> json = applicationJson(applications.find(id).orElse(approved.application()));
                json.put("firstLink", approved.firstLink() == null ? null
                        : AdminJson.link(approved.firstLink(), AdminRoutes.shortUrlBase(request)));
                yield HttpResponse.json(200, json);
            }
            case ReviewApplication.Approval.NotFound ignored ->
                    HttpResponse.problem(Problems.notFound("This application"));
            case ReviewApplication.Approval.AlreadyRejected ignored -> HttpResponse.problem(Problem.of(409,
                    "application-rejected", "This application was rejected", "A decision is final."));
            case ReviewApplication.Approval.EmailIsAPartner partner -> HttpResponse.problem(Problem.of(409,
                    "email-is-a-partner", "This address is a partner's already",
                    "Partner " + partner.partnerId().value() + " has this email address; reject the application"
                            + " or leave it."));
            case ReviewApplication.Approval.ProgramNotConfigured ignored ->
                    HttpResponse.problem(Problems.programNotConfigured());
        };
    }

    APIGatewayV2HTTPResponse reject(HttpRequest request) {
        ApplicationId id = applicationId(request);
        var body = request.jsonBody(AdminBodies.RejectionBody.class, AdminRoutes.MAX_BODY_BYTES);
        return switch (review.reject(id, body.reason())) {
            case ReviewApplication.Rejection.Rejected rejected ->
                    HttpResponse.json(200, applicationJson(rejected.application()));
            case ReviewApplication.Rejection.NotFound ignored ->
                    HttpResponse.problem(Problems.notFound("This application"));
            case ReviewApplication.Rejection.AlreadyApproved ignored -> HttpResponse.problem(Problem.of(409,
                    "application-approved", "This application was approved",
                    "A decision is final: suspend the partner instead (PATCH /admin/partners/{partnerId})."));
        };
    }

    // invitations and settings

    APIGatewayV2HTTPResponse invite(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.InvitationBody.class, AdminRoutes.MAX_BODY_BYTES);
        Rules rules = Rules.check();
        EmailAddress email = rules.value("email", () -> new EmailAddress(body.email()));
        rules.orThrow();
        Program program = programs.find(programId)
                .orElseThrow(() -> new ProblemException(Problems.programNotConfigured()));
        var plan = body.plan() == null ? null : ProgramJson.plan(body.plan(), program.currency(), "plan.");
        return switch (invite.invite(new InvitePartner.Command(body.name(), email, body.company(), plan))) {
            case InvitePartner.Result.Invited invited -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("partner", AdminJson.partner(invited.partner()));
                json.put("firstLink", invited.firstLink() == null ? null
                        : AdminJson.link(invited.firstLink(), AdminRoutes.shortUrlBase(request)));
                yield HttpResponse.withHeader(HttpResponse.json(201, json), "location",
                        "/admin/partners/" + invited.partner().id().value());
            }
            case InvitePartner.Result.EmailTaken ignored -> HttpResponse.problem(Problem.of(409, "email-taken",
                    "A partner with this email exists", "Each partner has its own email address."));
            case InvitePartner.Result.ProgramNotConfigured ignored ->
                    HttpResponse.problem(Problems.programNotConfigured());
        };
    }

    APIGatewayV2HTTPResponse getSettings(HttpRequest request) {
        return HttpResponse.json(200, settingsJson(applications.settings()));
    }

    APIGatewayV2HTTPResponse putSettings(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.OnboardingBody.class, AdminRoutes.MAX_BODY_BYTES);
        OnboardingSettings settings = new OnboardingSettings(Boolean.TRUE.equals(body.autoApprove()),
                body.firstLinkDestination());
        if (settings.firstLinkDestination() != null) {
            Program program = programs.find(programId)
                    .orElseThrow(() -> new ProblemException(Problems.programNotConfigured()));
            try {
                DestinationPolicy.validate(settings.firstLinkDestination(), program.allowedDestinationHosts());
            } catch (Invalid e) {
                throw Invalid.field("firstLinkDestination", e.violations().getFirst().rule());
            }
        }
        applications.save(settings);
        return HttpResponse.json(200, settingsJson(settings));
    }

    /** Application ids are ULIDs; anything else names no application (404, never a table key). */
    private static ApplicationId applicationId(HttpRequest request) {
        return AdminRoutes.pathValue("applicationId",
                () -> new ApplicationId(request.pathParameter("applicationId").orElse("")));
    }

    static Map<String, Object> termsJson(Terms t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", t.version());
        json.put("text", t.text());
        json.put("publishedAt", t.publishedAt().toString());
        return json;
    }

    static Map<String, Object> acceptanceJson(Acceptance a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", a.version());
        json.put("acceptedAt", a.acceptedAt().toString());
        json.put("ip", a.ip());
        json.put("userAgent", a.userAgent());
        return json;
    }

    static Map<String, Object> applicationJson(Application a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id().value());
        json.put("status", a.status().wireName());
        json.put("name", a.name());
        json.put("email", a.email().value());
        json.put("company", a.company());
        json.put("website", a.website());
        json.put("country", a.country());
        json.put("channels", a.channels().stream().map(Channel::wireName).toList());
        json.put("audience", a.audience());
        json.put("reference", a.reference());
        json.put("termsVersion", a.termsVersion());
        json.put("ip", a.ip());
        json.put("userAgent", a.userAgent());
        json.put("reason", a.reason());
        json.put("partnerId", a.partnerId() == null ? null : a.partnerId().value());
        json.put("createdAt", a.createdAt().toString());
        json.put("submittedAt", a.submittedAt().toString());
        json.put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString());
        return json;
    }

    static Map<String, Object> settingsJson(OnboardingSettings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("autoApprove", s.autoApprove());
        json.put("firstLinkDestination", s.firstLinkDestination());
        return json;
    }
}

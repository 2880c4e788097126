package dev.refer.portal.apply;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.refer.core.application.Channel;
import dev.refer.core.application.SubmitApplication;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;
import dev.refer.portal.PublicRoutes;
import dev.refer.web.Pages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public application: {@code GET /apply} (the form with the current terms and an "I accept" box; plain HTML, no
 * script needed), {@code POST /apply} (the form, or JSON from a site's own page) and {@code OPTIONS /apply} (CORS
 * for the program's allowed form origins, as the lead form). The answer is the same whatever became of the
 * application (new, updated, decided before, the address a partner's, the honeypot filled): 202 for JSON, a thank-you
 * page for the form. A broken rule is a 400: problem+json naming each field, or the form again with each error beside
 * its field and the values kept. Nothing is stored then.
 *
 * <p>Wire names: {@code name}, {@code email}, {@code company}, {@code website}, {@code country} (ISO 3166 alpha-2),
 * {@code audience}, {@code reference}, {@code termsVersion}, {@code acceptTerms} (JSON {@code true}; the form's box
 * {@code yes}), the honeypot {@code contact_me_by_fax_only}; channels are a JSON array {@code channels} of
 * newsletter, blog, social, video, podcast, community, events, consulting, ads, other, and in the form one box each,
 * {@code channel_{name}=yes}.
 */
public final class ApplicationRoutes implements PublicRoutes {

    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.refer.portal.templates");

    /** The JSON body. */
    record ApplyJson(String name, String email, String company, String website, String country,
                     List<String> channels, String audience, String reference, String termsVersion,
                     Boolean acceptTerms,
                     @JsonProperty(SubmitApplication.HONEYPOT_FIELD) String honeypot) {
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final CommsSettingsRepository settings;
    private final SubmitApplication submit;

    public ApplicationRoutes(ProgramId programId, ProgramRepository programs, CommsSettingsRepository settings,
                             SubmitApplication submit) {
        this.programId = programId;
        this.programs = programs;
        this.settings = settings;
        this.submit = submit;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request) {
        return switch (request.routeKey()) {
            case "GET /apply" -> Optional.of(page(HttpResponse.html(200, render(ApplyPage.fresh(programName(),
                    submit.currentTerms().orElse(null))))));
            case "POST /apply" -> Optional.of(post(request));
            case "OPTIONS /apply" -> Optional.of(preflight(request));
            default -> Optional.empty();
        };
    }

    private APIGatewayV2HTTPResponse preflight(HttpRequest request) {
        String origin = request.header("origin").orElse(null);
        return origin != null && allowedFormOrigin(origin) ? ApplyCors.preflight(origin)
                : HttpResponse.problem(ApplyCors.originProblem());
    }

    private APIGatewayV2HTTPResponse post(HttpRequest request) {
        boolean form = request.mediaType().equals(FORM);
        if (!form && !request.mediaType().equals("application/json")) {
            return HttpResponse.problem(Problems.unsupportedMediaType("application/json or " + FORM));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(Problems.tooLarge(MAX_BODY_BYTES));
        }
        String origin = request.header("origin").orElse(null);
        boolean crossOrigin = origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
        if (crossOrigin && !allowedFormOrigin(origin)) {
            return HttpResponse.problem(ApplyCors.originProblem());
        }
        String corsOrigin = crossOrigin ? origin : null;
        if (form) {
            return postForm(request);
        }
        APIGatewayV2HTTPResponse response;
        try {
            response = postJson(request);
        } catch (ProblemException e) {
            response = HttpResponse.problem(e.problem());
        } catch (Invalid e) {
            response = HttpResponse.problem(Problem.validation(e.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule())).toList()));
        }
        return ApplyCors.allow(response, corsOrigin); // a page's script on an allowed origin reads its errors too
    }

    private APIGatewayV2HTTPResponse postJson(HttpRequest request) {
        ApplyJson json = LambdaJson.readBody(request.body(), ApplyJson.class);
        if (isBot(json.honeypot())) {
            return HttpResponse.json(202, Map.of("status", "received")); // like anyone, whatever else it sent
        }
        boolean accepted = Boolean.TRUE.equals(json.acceptTerms());
        SubmitApplication.Command command = command(json.termsVersion(), accepted,
                () -> new SubmitApplication.Command(json.name(), json.email(), json.company(), json.website(),
                        json.country(), json.channels(), json.audience(), json.reference(), json.termsVersion(),
                        accepted, json.honeypot(), sourceIp(request), request.header("user-agent").orElse(null)));
        SubmitApplication.Result result = submit.submit(command);
        log(result, request);
        return HttpResponse.json(202, Map.of("status", "received"));
    }

    private APIGatewayV2HTTPResponse postForm(HttpRequest request) {
        Map<String, String> fields;
        try {
            fields = FormBody.parse(request.bodyText());
        } catch (FormBody.MalformedFormException e) {
            return page(HttpResponse.html(400, render(new ApplyPage(programName(),
                    submit.currentTerms().orElse(null), Map.of(), Set.of(),
                    Map.of("name", "the form could not be read: please fill it in again")))));
        }
        Set<String> channels = new LinkedHashSet<>();
        for (Channel channel : Channel.values()) {
            if (fields.containsKey("channel_" + channel.wireName())) {
                channels.add(channel.wireName());
            }
        }
        if (isBot(fields.get(SubmitApplication.HONEYPOT_FIELD))) {
            return thanks();
        }
        try {
            boolean accepted = "yes".equals(fields.get("acceptTerms"));
            SubmitApplication.Result result = submit.submit(command(fields.get("termsVersion"), accepted,
                    () -> new SubmitApplication.Command(fields.get("name"), fields.get("email"),
                            fields.get("company"), fields.get("website"), fields.get("country"),
                            new ArrayList<>(channels), fields.get("audience"), fields.get("reference"),
                            fields.get("termsVersion"), accepted, fields.get(SubmitApplication.HONEYPOT_FIELD),
                            sourceIp(request), request.header("user-agent").orElse(null))));
            log(result, request);
            return thanks();
        } catch (Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Invalid.Violation v : e.violations()) {
                errors.putIfAbsent(v.field(), v.rule());
            }
            Map<String, String> kept = new LinkedHashMap<>();
            for (String field : List.of("name", "email", "company", "website", "country", "audience", "reference",
                    "acceptTerms")) {
                String value = fields.get(field);
                if (value != null) {
                    kept.put(field, value.length() > 2_000 ? value.substring(0, 2_000) : value);
                }
            }
            return page(HttpResponse.html(400, render(new ApplyPage(programName(),
                    submit.currentTerms().orElse(null), kept, channels, errors))));
        }
    }

    /**
     * The command, or every rule the form broke: a form refused for its fields also names what is wrong with its
     * terms (a honeypot-filled form is answered like success before any of this: the command is built first).
     */
    private SubmitApplication.Command command(String termsVersion, boolean accepted,
                                              java.util.function.Supplier<SubmitApplication.Command> build) {
        try {
            return build.get();
        } catch (Invalid e) {
            List<Invalid.Violation> all = new ArrayList<>(e.violations());
            all.addAll(submit.termsViolations(termsVersion, accepted));
            throw new Invalid(all);
        }
    }

    private APIGatewayV2HTTPResponse thanks() {
        return page(HttpResponse.html(200, Pages.page("Application received", null,
                render("apply-received.jte", Map.of("programName", programName())))));
    }

    /** The honeypot filled: a bot, answered like anyone before anything is checked, so it learns nothing. */
    private static boolean isBot(String honeypot) {
        if (honeypot != null && !honeypot.isEmpty()) {
            Log.info("application.received", "outcome", SubmitApplication.Outcome.HONEYPOT.name());
            return true;
        }
        return false;
    }

    private static void log(SubmitApplication.Result result, HttpRequest request) {
        Log.info("application.received", "outcome", result.outcome().name(),
                "applicationId", result.id() == null ? null : result.id().value(), "requestId", request.requestId());
    }

    private String render(ApplyPage page) {
        return Pages.page("Apply to become a partner of " + page.programName(), null,
                render("apply.jte", Map.of("page", page)));
    }

    private static String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        TEMPLATES.render(template, params, output);
        return output.toString();
    }

    /** A page anyone may load: never cached by a shared cache, never framed. */
    private static APIGatewayV2HTTPResponse page(APIGatewayV2HTTPResponse response) {
        return HttpResponse.withHeaders(response, Map.of("cache-control", "no-store",
                "x-frame-options", "DENY", "x-content-type-options", "nosniff"));
    }

    private String programName() {
        return settings.find().programNameOr(programId.value());
    }

    private boolean allowedFormOrigin(String origin) {
        return programs.find(programId).map(p -> p.allowsOrigin(origin)).orElse(false);
    }

    /** This API's own origin, as API Gateway forwards it: the form on {@code GET /apply} posts from it. */
    private static String ownOrigin(HttpRequest request) {
        String scheme = request.header("x-forwarded-proto").orElse("https");
        return request.header("host").map(host -> scheme.toLowerCase(Locale.ROOT) + "://" + host).orElse("");
    }

    private static String sourceIp(HttpRequest request) {
        var context = request.event().getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }
}

package dev.refer.leads;

import dev.refer.core.lead.CaptureLead;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.lambda.SnapStartPriming;

import java.util.Map;

/**
 * {@code POST /leads} (and its CORS preflight). JSON gets 202 and a small JSON body; a plain HTML form gets a 303 to
 * its allow-listed thank-you page, or a thank-you page of ours. The answer is the same for a new and a repeated
 * email, so the form cannot be used to learn who is already a lead.
 */
public final class LeadCaptureHandler extends HttpFunction {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final CaptureLead captureLead;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public LeadCaptureHandler() {
        this(System.getenv());
    }

    public LeadCaptureHandler(Map<String, String> env) {
        this(LeadCaptureWiring.create(env));
    }

    LeadCaptureHandler(LeadCaptureWiring wiring) {
        this.captureLead = wiring.captureLead();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String origin = request.header("origin").orElse(null);
        if (request.method().equals("OPTIONS")) {
            return origin != null && captureLead.allowsOrigin(origin) ? Cors.preflight(origin)
                    : HttpResponse.problem(Cors.originProblem());
        }
        if (!LeadRequest.isForm(request) && !request.mediaType().equals("application/json")) {
            return HttpResponse.problem(Problems.unsupportedMediaType("application/json or application/x-www-form-urlencoded"));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(Problems.tooLarge(MAX_BODY_BYTES));
        }
        CaptureLead.Result result = captureLead.capture(LeadRequest.parse(request, origin));
        return switch (result) {
            case CaptureLead.Result.Accepted accepted -> {
                Log.info("lead.accepted", "leadId", accepted.leadId(), "duplicate", accepted.duplicate(),
                        "takenOver", accepted.takenOver(),
                        "attributed", accepted.attributed(), "requestId", request.requestId());
                APIGatewayV2HTTPResponse response = !LeadRequest.isForm(request)
                        ? HttpResponse.json(202, "{\"status\":\"accepted\"}")
                        : accepted.thankYouUrl() != null ? HttpResponse.redirect(303, accepted.thankYouUrl().toString())
                        : HttpResponse.html(200, ThankYouPage.HTML);
                yield Cors.allow(response, origin);
            }
            case CaptureLead.Result.OriginNotAllowed ignored -> HttpResponse.problem(Cors.originProblem());
            case CaptureLead.Result.ThankYouUrlNotAllowed ignored -> Cors.allow(HttpResponse.problem(
                    Problem.invalidField("redirect_to", "must be a page on one of the program's allowed form origins")),
                    origin);
            case CaptureLead.Result.ProgramNotConfigured ignored -> HttpResponse.problem(Problems.programNotConfigured());
        };
    }
}

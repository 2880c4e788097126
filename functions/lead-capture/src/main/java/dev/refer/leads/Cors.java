package dev.refer.leads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;

import java.util.Map;

/**
 * CORS for the lead form: only the program's allowed form origins may post from a browser script. The
 * use case has already checked the origin when a response reaches {@link #allow}.
 */
final class Cors {

    private Cors() {
    }

    static APIGatewayV2HTTPResponse preflight(String origin) {
        return HttpResponse.withHeaders(HttpResponse.empty(204), Map.of(
                "access-control-allow-origin", origin,
                "access-control-allow-methods", "POST",
                "access-control-allow-headers", "content-type",
                "access-control-max-age", "600",
                "vary", "Origin"));
    }

    static APIGatewayV2HTTPResponse allow(APIGatewayV2HTTPResponse response, String origin) {
        return origin == null ? response
                : HttpResponse.withHeaders(response, Map.of("access-control-allow-origin", origin, "vary", "Origin"));
    }

    static Problem originProblem() {
        return new Problem(403, Problem.TYPE_BASE + "origin-not-allowed", "Origin not allowed",
                "This page's origin may not post the lead form; the program manager lists allowed form origins.",
                java.util.List.of(new Problem.FieldError("origin", "must be one of the program's allowed form origins")));
    }
}

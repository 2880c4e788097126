package dev.refer.portal.apply;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;

import java.util.List;
import java.util.Map;

/**
 * CORS for the application, as for the lead form: only the program's allowed form origins may post from a browser
 * script on their own pages; the page on {@code GET /apply} posts from this API's own origin and needs none.
 */
final class ApplyCors {

    private ApplyCors() {
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
                "This page's origin may not post the application; the program manager lists allowed form origins.",
                List.of(new Problem.FieldError("origin", "must be one of the program's allowed form origins")));
    }
}

package dev.refer.leads;

import dev.refer.http.HttpResponse;
import dev.refer.http.Problem;

import java.util.Map;

/**
 * CORS for the lead form: only the program's allowed form origins may post from a browser script. The
 * use case has already checked the origin when a response reaches {@link #allow}.
 */
final class Cors {

    private Cors() {
    }

    static HttpResponse preflight(String origin) {
        return HttpResponse.empty(204).withHeaders(Map.of(
                "access-control-allow-origin", origin,
                "access-control-allow-methods", "POST",
                "access-control-allow-headers", "content-type",
                "access-control-max-age", "600",
                "vary", "Origin"));
    }

    static HttpResponse allow(HttpResponse response, String origin) {
        return origin == null ? response
                : response.withHeaders(Map.of("access-control-allow-origin", origin, "vary", "Origin"));
    }

    static Problem originProblem() {
        return new Problem(403, Problem.TYPE_BASE + "origin-not-allowed", "Origin not allowed",
                "This page's origin may not post the lead form; the program manager lists allowed form origins.",
                java.util.List.of(new Problem.FieldError("origin", "must be one of the program's allowed form origins")));
    }
}

package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers on every portal answer: a Content-Security-Policy allowing only the portal's own stylesheet and script
 * (no inline script, no framing, forms post only here), nosniff, no referrer leaving the site; answers are
 * {@code no-store} unless a route (the static assets) says otherwise, so no signed-in page sits in a shared cache.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-security-policy", CONTENT_SECURITY_POLICY);
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        Map<String, String> existing = response.getHeaders() == null ? Map.of() : response.getHeaders();
        headers.put("referrer-policy", existing.getOrDefault("referrer-policy", "same-origin"));
        headers.put("cache-control", existing.getOrDefault("cache-control", "no-store"));
        return HttpResponse.withHeaders(response, headers);
    }
}

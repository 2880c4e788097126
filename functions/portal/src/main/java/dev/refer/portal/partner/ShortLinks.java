package dev.refer.portal.partner;

import dev.refer.core.link.LinkCode;
import dev.refer.lambda.HttpRequest;

/**
 * Where a partner's short links live: {@code {base}/{code}}, the redirect's route at the root of the same HTTP API.
 * The base is the function's {@code PUBLIC_BASE_URL} (template: {@code PortalBaseUrl}, the API's custom domain) when
 * set, else the address the request came to, as the admin API builds its short links.
 */
public record ShortLinks(String base) {

    public ShortLinks {
        base = base == null || base.isBlank() ? "" : base.strip().replaceAll("/+$", "");
    }

    /** These links as seen from {@code request}: the configured base, or the request's own scheme and host. */
    public ShortLinks resolve(HttpRequest request) {
        if (!base.isEmpty()) {
            return this;
        }
        String scheme = request.header("x-forwarded-proto").orElse("https");
        return new ShortLinks(request.header("host").map(host -> scheme + "://" + host).orElse(""));
    }

    public String url(LinkCode code) {
        return base + "/" + code.value();
    }
}

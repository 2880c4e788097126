package dev.refer.portal.partner;

import dev.refer.core.link.LinkCode;

/**
 * Where a partner's short links live: {@code {base}/{code}}, the redirect's route at the API's root. The base is the
 * function's {@code PUBLIC_BASE_URL} (the HTTP API's endpoint, or the program's own short domain when one fronts it).
 */
public record ShortLinks(String base) {

    public ShortLinks {
        base = base == null || base.isBlank() ? "" : base.strip().replaceAll("/+$", "");
    }

    public String url(LinkCode code) {
        return base + "/" + code.value();
    }
}

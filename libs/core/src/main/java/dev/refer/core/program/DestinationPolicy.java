package dev.refer.core.program;

import dev.refer.core.basics.validation.Invalid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * No open redirect: a link may only send to an absolute http(s) URL without credentials, on an allowed host when
 * the program lists any. Checked once, when the link is created; the redirect only ever uses stored destinations.
 */
public final class DestinationPolicy {

    public static final int MAX_LENGTH = 2048;

    private DestinationPolicy() {
    }

    public static URI validate(String destination, List<String> allowedHosts) {
        if (destination == null || destination.isBlank()) {
            throw Invalid.field("destination", "is required");
        }
        if (destination.length() > MAX_LENGTH) {
            throw Invalid.field("destination", "must be at most " + MAX_LENGTH + " characters");
        }
        if (destination.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw Invalid.field("destination", "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(destination);
        } catch (URISyntaxException e) {
            throw Invalid.field("destination", "must be a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw Invalid.field("destination", "must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw Invalid.field("destination", "must not contain credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw Invalid.field("destination", "must name a host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(allowed -> matches(host, allowed))) {
            throw Invalid.field("destination", "host is not in the program's allowed destination hosts");
        }
        return uri;
    }

    private static boolean matches(String host, String allowed) {
        return host.equals(allowed) || host.endsWith("." + allowed);
    }
}

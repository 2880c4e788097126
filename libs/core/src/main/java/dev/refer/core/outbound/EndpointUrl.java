package dev.refer.core.outbound;

import dev.refer.core.basics.validation.Invalid;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where an endpoint may be: an absolute https URL without credentials or fragment, on a named host or a public IP
 * literal. Checked when an endpoint is registered or changed, so a manager hears of a mistake at once; the delivery
 * worker checks the addresses the host resolves to again right before each send ({@link PublicAddresses}), since a
 * name that was public at registration can point anywhere later (DNS rebinding).
 */
public final class EndpointUrl {

    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    private EndpointUrl() {
    }

    public static URI validate(String url) {
        if (url == null || url.isBlank()) {
            throw Invalid.field(FIELD, "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw Invalid.field(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        if (url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw Invalid.field(FIELD, "must not contain spaces, control or non-ASCII characters (use punycode)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Invalid.field(FIELD, "must be a valid absolute URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw Invalid.field(FIELD, "must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw Invalid.field(FIELD, "must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw Invalid.field(FIELD, "must not contain a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw Invalid.field(FIELD, "must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")
                || host.endsWith(".local")) {
            throw Invalid.field(FIELD, "must not name a local host");
        }
        InetAddress literal = literal(host);
        if (literal != null && !PublicAddresses.isPublic(literal)) {
            throw Invalid.field(FIELD, "must not be a private, loopback, link-local or unique-local address");
        }
        if (literal == null && host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            // 127.1, 2130706433 and friends: numeric forms the resolver would read as an address
            throw Invalid.field(FIELD, "must be a host name or a complete public IP address");
        }
        return uri.normalize();
    }

    /** The host as an IP address when it is an IP literal (dotted quad or bracketed IPv6), else null; no DNS. */
    static InetAddress literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                return InetAddress.getByName(host.substring(1, host.length() - 1));
            }
            if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                for (String part : host.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        throw Invalid.field(FIELD, "must be a host name or a complete public IP address");
                    }
                }
                return InetAddress.getByName(host); // a literal: no lookup
            }
            return null;
        } catch (UnknownHostException e) {
            throw Invalid.field(FIELD, "must be a valid absolute URL");
        }
    }
}

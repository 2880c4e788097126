package dev.refer.core.terms;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner's acceptance of one version of the terms: the evidence the manager shows when a partner disputes what
 * they agreed to, so it keeps where it came from (the source IP and the browser's user agent, as the request said;
 * either may be absent, e.g. an acceptance recorded from an application sent as JSON by a script).
 */
public record Acceptance(PartnerId partnerId, String version, Instant acceptedAt, String ip, String userAgent) {

    public static final int MAX_IP = 64;
    public static final int MAX_USER_AGENT = 512;

    public Acceptance {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        ip = clip(ip, MAX_IP);
        userAgent = clip(userAgent, MAX_USER_AGENT);
    }

    /** Request headers are the caller's to fill: kept as evidence, bounded, never refused. */
    private static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}

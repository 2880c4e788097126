package dev.refer.core.signin;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sign-in links and portal sessions live and how often one may ask for a link. A link lives
 * {@link #LINK_LIFETIME} (long enough to switch to the mail app, short enough that a forwarded or leaked mail is soon
 * useless); a session ends after {@code idle} without a request or {@code absolute} after signing in, whichever comes
 * first; links are limited per email address and per source IP address within an hour.
 */
public record SignInPolicy(Duration idle, Duration absolute, int linksPerAddressPerHour, int requestsPerIpPerHour) {

    public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    public static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** A session's last-seen time is written at most this often: most requests read and write nothing more. */
    public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    public static SignInPolicy defaults() {
        return new SignInPolicy(Duration.ofHours(2), Duration.ofDays(7), 5, 30);
    }

    public SignInPolicy {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session's idle lifetime must be positive and at most its absolute one");
        }
        if (linksPerAddressPerHour < 1 || requestsPerIpPerHour < 1) {
            throw new IllegalArgumentException("sign-in limits must be at least 1");
        }
    }
}

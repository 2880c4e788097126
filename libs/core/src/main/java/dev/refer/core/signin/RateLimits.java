package dev.refer.core.signin;

import java.time.Instant;

/** Counters of requests per window (fixed windows; each counter expires with its window). */
public interface RateLimits {

    /**
     * Counts one request of {@code subject} in {@code scope} within the window starting at {@code windowStart}:
     * true when it is within {@code limit} (and counted), false when the limit was already reached.
     */
    boolean admit(String scope, String subject, int limit, Instant windowStart, Instant windowEnd);
}

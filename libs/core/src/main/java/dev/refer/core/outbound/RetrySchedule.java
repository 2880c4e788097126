package dev.refer.core.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff from 30 seconds, doubling, each wait at most 12 hours
 * (the longest an SQS message can stay invisible), for three days after the first attempt; then it goes to the
 * dead-letter queue. An endpoint whose deliveries have failed without a success for three days is disabled and the
 * program manager told.
 */
public final class RetrySchedule {

    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofHours(12);
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    public static final Duration DISABLE_AFTER = Duration.ofDays(3);

    private RetrySchedule() {
    }

    /**
     * The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones (the first made at
     * {@code firstAttemptAt}); empty when the next attempt would fall beyond three days: dead-letter it.
     */
    public static Optional<Duration> nextWait(int attempts, Instant firstAttemptAt, Instant now) {
        if (attempts < 1) {
            throw new IllegalArgumentException("after at least one attempt");
        }
        Duration wait = attempts >= 12 ? LONGEST_WAIT : FIRST_WAIT.multipliedBy(1L << (attempts - 1));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        return now.plus(wait).isAfter(firstAttemptAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(wait);
    }

    /** Whether an endpoint failing since {@code failingSince} (no success after it) is disabled at {@code now}. */
    public static boolean disables(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(DISABLE_AFTER));
    }
}

package dev.refer.core.deal;

import java.time.Duration;

/**
 * The program's deal-registration setting: how long a registration lives ({@value #DEFAULT_DAYS} days unless the
 * program manager set another period). Kept beside the program's settings, not in them, so the program's own record
 * does not grow a field every feature reads.
 */
public interface DealSettings {

    int DEFAULT_DAYS = 90;
    int MIN_DAYS = 1;
    int MAX_DAYS = 730;

    /** The registration period in days, {@link #DEFAULT_DAYS} when never set. */
    int registrationDays();

    /** Sets it (between {@link #MIN_DAYS} and {@link #MAX_DAYS}); applies to registrations and approvals from now. */
    void setRegistrationDays(int days);

    default Duration registrationPeriod() {
        return Duration.ofDays(registrationDays());
    }
}

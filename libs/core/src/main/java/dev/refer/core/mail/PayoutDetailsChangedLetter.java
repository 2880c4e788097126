package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.Instant;
import java.util.Locale;

/**
 * Tells a partner their payout details were changed (transactional: always sent, unless the address bounced): if
 * they did not change them, someone with their session did, and they should say so before the next payout.
 *
 * @param method the method's label ("Bank transfer", "PayPal")
 * @param masked the new details, masked ({@code DE89 **** **** **** **** 00}, {@code j***@example.com})
 */
public record PayoutDetailsChangedLetter(EmailAddress to, Locale locale, String partnerName, String method,
                                         String masked, Instant changedAt) implements Letter {

    /** The day of the change, in UTC. */
    public java.time.LocalDate changedOn() {
        return changedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** The time of the change, {@code HH:mm} in UTC. */
    public String changedAtTime() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(changedAt.atOffset(
                java.time.ZoneOffset.UTC));
    }

    @Override
    public String kind() {
        return "payout-details-changed";
    }
}

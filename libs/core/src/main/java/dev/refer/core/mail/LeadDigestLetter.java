package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * To sales (or the program manager), the day after: the new leads a flood held back from one-by-one alerts (past
 * {@code perDay}, the day's limit per partner), oldest first; at most a page of them listed, {@code total} says how
 * many in all.
 */
public record LeadDigestLetter(EmailAddress to, Locale locale, String programName, LocalDate day, List<Line> leads,
                               int total, int perDay) implements Letter {

    /** One held-back lead and the partner who brought it. */
    public record Line(String leadId, String leadName, String leadEmail, String leadCompany, String partnerName,
                       Instant at) {
    }

    public LeadDigestLetter {
        leads = List.copyOf(leads);
    }

    /** How many of the day's held-back leads the email does not list. */
    public int unlisted() {
        return total - leads.size();
    }

    @Override
    public String kind() {
        return "lead-digest";
    }
}

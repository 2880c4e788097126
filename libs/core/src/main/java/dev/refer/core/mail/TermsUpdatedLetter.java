package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A partner is told of a new version of the program's terms (transactional: no opt-out): its text, and that the
 * portal asks them to accept it at their next sign-in; commissions keep accruing meanwhile.
 */
public record TermsUpdatedLetter(EmailAddress to, Locale locale, String programName, String partnerName,
                                 String version, LocalDate publishedOn, String text, String termsUrl)
        implements Letter {

    @Override
    public String kind() {
        return "terms-updated";
    }
}

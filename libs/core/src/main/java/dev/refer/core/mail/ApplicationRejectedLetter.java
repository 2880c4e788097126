package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/** A courteous no to an applicant, with the program manager's reason. */
public record ApplicationRejectedLetter(EmailAddress to, Locale locale, String programName, String reason)
        implements Letter {

    @Override
    public String kind() {
        return "application-rejected";
    }
}

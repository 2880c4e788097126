package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.Instant;
import java.util.Locale;

/** To sales (or the program manager): a new lead a partner brought, to follow up. */
public record LeadAlertLetter(EmailAddress to, Locale locale, String programName, String leadId, String leadName,
                              String leadEmail, String leadCompany, String partnerName, String partnerEmail,
                              Instant at) implements Letter {

    @Override
    public String kind() {
        return "lead-alert";
    }
}

package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/**
 * The program manager's announcement (an event, a training, a new resource) to partners; the preview goes to the
 * program manager first, marked as such.
 */
public record BroadcastLetter(EmailAddress to, Locale locale, String programName, String partnerName, String subject,
                              String body, boolean preview, String unsubscribeUrl) implements Letter {

    @Override
    public String kind() {
        return preview ? "broadcast-preview" : "broadcast";
    }
}

package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/**
 * The program manager invites a partner they chose: the partner exists and is active, with a first link; the letter
 * says how to sign in and what to start with (the communications settings).
 */
public record InvitationLetter(EmailAddress to, Locale locale, String programName, String partnerName,
                               String signInUrl, String linkUrl, CheckinLetter.Material material) implements Letter {

    @Override
    public String kind() {
        return "invitation";
    }
}

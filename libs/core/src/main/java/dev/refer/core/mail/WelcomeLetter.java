package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/**
 * A new partner's welcome (an approved application): how to sign in, their first link, who the ideal customer is,
 * the value proposition, the first steps and resources (the communications settings). The name is what the
 * application said, so the templates show it defanged.
 */
public record WelcomeLetter(EmailAddress to, Locale locale, String programName, String partnerName, String signInUrl,
                            String linkUrl, CheckinLetter.Material material) implements Letter {

    @Override
    public String kind() {
        return "welcome";
    }
}

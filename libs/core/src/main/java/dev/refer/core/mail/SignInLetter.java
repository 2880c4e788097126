package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.Duration;
import java.util.Locale;

/**
 * To a partner who asked to sign in to the portal: the single-use sign-in link (transactional, always sent unless
 * the address bounced). The link opens a page with a button; only pressing it uses the token, so a mail scanner that
 * opens links signs no one in.
 */
public record SignInLetter(EmailAddress to, Locale locale, String partnerName, String link, Duration validFor)
        implements Letter {

    @Override
    public String kind() {
        return "signin";
    }
}

package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/**
 * The applicant's receipt: the application arrived and will be reviewed. It goes to whatever address the public
 * form was given, so it repeats nothing the form said (no name, no text): a stranger's typing never reaches someone
 * else's inbox through our sender.
 */
public record ApplicationReceiptLetter(EmailAddress to, Locale locale, String programName) implements Letter {

    @Override
    public String kind() {
        return "application-receipt";
    }
}

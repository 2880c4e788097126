package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.List;
import java.util.Locale;

/**
 * The program manager hears of an application (or of its update by a second submission). Everything but the id and
 * the address is what the public form said: the templates quote it defanged, never as a link.
 *
 * @param approved the program approves applications automatically and this one was approved
 */
public record NewApplicationLetter(EmailAddress to, Locale locale, String programName, String applicationId,
                                   String name, String email, String company, String website, String country,
                                   List<String> channels, String audience, String reference, boolean approved)
        implements Letter {

    public NewApplicationLetter {
        channels = List.copyOf(channels);
    }

    @Override
    public String kind() {
        return "application-new";
    }
}

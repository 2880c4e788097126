package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Tells the program manager an outbound webhook endpoint was disabled after failing for three days without one
 * successful delivery (transactional): its CRM hears nothing until someone fixes the endpoint, enables it again and
 * replays what it missed.
 *
 * @param lastError the last attempt's answer or error ("HTTP 500", "the host does not resolve"), never a body of theirs
 */
public record WebhookEndpointDisabledLetter(EmailAddress to, Locale locale, String programName, String endpointId,
                                            String endpointUrl, String description, Instant failingSince,
                                            Instant disabledAt, String lastError) implements Letter {

    public LocalDate failingSinceDay() {
        return failingSince.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** How the manager names it: its description, else its URL. */
    public String endpointName() {
        return description == null || description.isBlank() ? endpointUrl : description;
    }

    @Override
    public String kind() {
        return "webhook-endpoint-disabled";
    }
}

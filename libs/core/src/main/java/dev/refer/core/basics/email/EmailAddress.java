package dev.refer.core.basics.email;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised (trimmed, lower case) so that one person is one lead and one partner per program.
 * Deliberately pragmatic: a dot-atom local part and a dotted domain with a top-level label, at most 254 characters.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}$");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw Invalid.field("email", "is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254) {
            throw Invalid.field("email", "must be at most 254 characters");
        }
        if (!SHAPE.matcher(value).matches() || value.contains("..")) {
            throw Invalid.field("email", "must be a valid email address");
        }
    }

    /** Logs carry the domain only, never the address. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "EmailAddress[***@" + domain() + "]";
    }
}

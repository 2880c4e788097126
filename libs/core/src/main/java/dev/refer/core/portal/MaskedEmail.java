package dev.refer.core.portal;

import dev.refer.core.basics.email.EmailAddress;

/**
 * A prospect's address as the referring partner sees it: the visitor typed it into the lead form, not the partner,
 * so the partner sees enough to recognise it ({@code j***@acme.com}) and not the address itself.
 */
public final class MaskedEmail {

    private MaskedEmail() {
    }

    public static String of(EmailAddress email) {
        String value = email.value();
        int at = value.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + "***" + value.substring(at);
    }
}

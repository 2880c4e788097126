package dev.refer.core.deal;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A prospect company's internet domain, normalised (trimmed, lower case, without a scheme, path or a leading
 * {@code www.}) so that {@code https://www.Acme.example/} and {@code acme.example} are one registration. The domain of
 * a customer's email address is compared with it as is: {@code ada@acme.example} is on {@code acme.example}, an address
 * on a subdomain ({@code ada@eu.acme.example}) is not (one key read per lead or sale, see {@code DealClaims}).
 */
public record CompanyDomain(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}$");

    public CompanyDomain {
        if (value == null || value.isBlank()) {
            throw Invalid.field("domain", "is required");
        }
        value = normalise(value);
        if (value.length() > 253 || !SHAPE.matcher(value).matches()) {
            throw Invalid.field("domain", "must be a domain name such as acme.example");
        }
    }

    private static String normalise(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = v.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            v = v.substring(scheme + 3);
        }
        int end = v.length();
        for (char c : new char[]{'/', '?', '#'}) {
            int at = v.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        v = v.substring(0, end);
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        return v.startsWith("www.") ? v.substring(4) : v;
    }

    /** The domain of an email address (already a normalised, valid domain), or null if it is not a valid one. */
    public static CompanyDomain ofEmailDomain(String emailDomain) {
        try {
            return new CompanyDomain(emailDomain);
        } catch (Invalid e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

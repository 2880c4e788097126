package dev.refer.core.link;

import dev.refer.core.basics.validation.Invalid;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The short code of a link ({@code https://go.example.com/<code>}); also the {@code ref} a lead form or a sale may
 * carry. 3-64 letters, digits, dash or underscore. Words that name API routes, and the code SnapStart priming looks
 * up, are reserved: no link can be created with them ({@link #chosen}), though looking one up is harmless.
 */
public record LinkCode(String value) {

    /** The code priming requests carry: reserved, so it never names a real link. */
    public static final String PRIMING = "snapstart-priming";

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$");
    private static final Set<String> RESERVED = Set.of("admin", "leads", "webhooks", "partner", "portal", "api",
            "health", "favicon.ico", "robots.txt", "static", "assets", "_local", "apply", "unsubscribe", PRIMING);

    public LinkCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw Invalid.field("code", "must be 3-64 letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    /** A code chosen for a new link: well-formed and not reserved. */
    public static LinkCode chosen(String value) {
        LinkCode code = new LinkCode(value);
        if (RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            throw Invalid.field("code", "is reserved");
        }
        return code;
    }

    public static LinkCode priming() {
        return new LinkCode(PRIMING);
    }

    /** True when {@code value} could be a code; the redirect answers 404 without a lookup otherwise. */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

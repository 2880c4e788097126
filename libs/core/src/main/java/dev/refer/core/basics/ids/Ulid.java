package dev.refer.core.basics.ids;

import java.util.regex.Pattern;

/** Shape check for ids made by {@link IdGenerator#newId()}. */
public final class Ulid {

    private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");

    private Ulid() {
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** When the id was made: its first ten characters, the milliseconds since the epoch in Crockford base32. */
    public static java.time.Instant timestamp(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a ULID: " + value);
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(value.charAt(i));
        }
        return java.time.Instant.ofEpochMilli(millis);
    }
}

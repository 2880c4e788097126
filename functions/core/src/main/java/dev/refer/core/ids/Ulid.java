package dev.refer.core.ids;

import java.util.regex.Pattern;

/** Shape check for ids made by {@link IdGenerator#newId()}. */
public final class Ulid {

    private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{26}$");

    private Ulid() {
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}

package dev.refer.core.signin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Unguessable values: sign-in tokens, session ids and CSRF tokens, 32 random bytes in base64url (43 characters). */
public final class Secrets {

    /** The shape of {@link #next()}: anything else is refused before a lookup. */
    public static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    public static Secrets create() {
        return new Secrets(new SecureRandom());
    }

    public String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}

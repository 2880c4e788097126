package dev.refer.core.outbound;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. The
 * HMAC key is the decoded bytes after the prefix. Shown once, when made; {@link #toString()} never prints it.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    private static final int BYTES = 32;

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        Base64.getDecoder().decode(value.substring(PREFIX.length())); // must decode
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[whsec_…]";
    }
}

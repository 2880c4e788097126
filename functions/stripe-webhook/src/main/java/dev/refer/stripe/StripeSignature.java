package dev.refer.stripe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Stripe's webhook signature scheme, as Stripe documents it ("Verify webhook signatures manually") and its libraries
 * implement it: the {@code Stripe-Signature} header is a comma-separated list of {@code key=value} pairs; {@code t} is
 * the Unix time of signing and each {@code v1} a hex HMAC-SHA256, keyed with the endpoint's signing secret (the whole
 * {@code whsec_...} string as UTF-8), of {@code "<t>.<body>"} over the body exactly as received. The delivery is
 * authentic when any {@code v1} matches (compared in constant time; Stripe sends several while the endpoint's secret
 * is rolled) and {@code t} is within {@link #TOLERANCE} of now. Other schemes ({@code v0}, test-mode-only) are ignored.
 *
 * <p>Our own code, not {@code stripe-java}'s {@code Webhook}: the scheme is twenty lines, and the library (with Gson
 * and its model classes) is not available to this build; {@code StripeSignatureTest} holds it to the documented
 * scheme and to Stripe's test header format ({@code generateTestHeaderString}).
 */
final class StripeSignature {

    /** Stripe's default tolerance, in both directions (a clock ahead of Stripe's is no excuse either). */
    static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** A header longer than this is refused before parsing (Stripe's carries a few signatures of 64 hex digits). */
    static final int MAX_HEADER_LENGTH = 4096;

    private final List<byte[]> secrets;
    private final Clock clock;

    /** @param secrets the current signing secret first, then the previous one while a roll is under way */
    StripeSignature(List<String> secrets, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("no Stripe signing secret");
        }
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("the Stripe signing secret is empty");
            }
            keys.add(secret.strip().getBytes(StandardCharsets.UTF_8));
        }
        this.secrets = List.copyOf(keys);
        this.clock = clock;
    }

    /** Why the delivery is refused, or empty when it is authentic. */
    Optional<String> refusal(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("the Stripe-Signature header is required");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return Optional.of("the Stripe-Signature header is too long");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (key.equals("t")) {
                timestamp = unixSeconds(value);
                if (timestamp == null) {
                    return Optional.of("Stripe-Signature t= must be Unix seconds");
                }
            } else if (key.equals("v1")) {
                byte[] signature = hex(value);
                if (signature != null) {
                    signatures.add(signature);
                }
            }
        }
        if (timestamp == null) {
            return Optional.of("Stripe-Signature has no t= timestamp");
        }
        if (signatures.isEmpty()) {
            return Optional.of("Stripe-Signature has no v1= signature");
        }
        byte[] signedPayload = signedPayload(timestamp, body);
        boolean matches = false;
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, signedPayload);
            for (byte[] signature : signatures) {
                matches |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!matches) {
            return Optional.of("no v1 signature of Stripe-Signature matches the body");
        }
        long now = clock.millis() / 1000;
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            return Optional.of("Stripe-Signature t= is more than " + TOLERANCE.toSeconds() + " seconds away from now");
        }
        return Optional.empty();
    }

    /** The header Stripe would send for {@code body} at {@code unixSeconds}, with the current secret (priming). */
    String header(long unixSeconds, String body) {
        return header(secrets.getFirst(), unixSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code t=<unixSeconds>,v1=<hex HMAC-SHA256 of "t.body">}: Stripe's header for one secret. */
    static String header(String secret, long unixSeconds, String body) {
        return header(secret.getBytes(StandardCharsets.UTF_8), unixSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(byte[] secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, signedPayload(unixSeconds, body)));
    }

    private static byte[] signedPayload(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return payload;
    }

    private static byte[] hmac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static Long unixSeconds(String value) {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(value);
    }

    /** A 64-digit hex signature, or null for anything else (which then simply matches nothing). */
    private static byte[] hex(String value) {
        if (value.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package dev.refer.core.basics.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures with the JDK's {@link Mac}: a text signed under a secret, as base64url without padding
 * (optionally cut to a shorter prefix for links), and a given signature checked in constant time against every
 * secret of a rotation (the current one and the previous one). No state: the secrets are the caller's.
 */
public final class HmacSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSigner() {
    }

    /** The full signature of {@code text} (43 base64url characters). */
    public static String sign(byte[] secret, String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret, text));
    }

    /** The signature's first {@code chars} characters (a link needs no more than 160 bits). */
    public static String sign(byte[] secret, String text, int chars) {
        return sign(secret, text).substring(0, chars);
    }

    /** Whether {@code given} is the {@code chars}-character signature of {@code text} under any of the secrets. */
    public static boolean signedWithAnyOf(List<byte[]> secrets, String text, String given, int chars) {
        byte[] expected = given.getBytes(StandardCharsets.US_ASCII);
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(sign(secret, text, chars).getBytes(StandardCharsets.US_ASCII), expected)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.refer.core.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The SHA-256 of a secret (a sign-in token, an email address for a rate counter), base64url: what is stored in its
 * place, so a read of the table yields no token that signs anyone in and no address.
 */
public record TokenHash(String value) {

    public static TokenHash of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHash[" + value.substring(0, 6) + "...]";
    }
}

package dev.refer.dynamodb.lite;

import java.time.Instant;
import java.util.Objects;

/**
 * AWS credentials: a key pair, plus a session token for temporary credentials (always the case in Lambda).
 * {@link #toString()} never shows the secret or the token.
 *
 * @param sessionToken null for long-term keys (DynamoDB Local, a developer's own keys)
 * @param expiration   when temporary credentials stop working; null when they do not expire
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    /**
     * Keys are trimmed, as the SDK's signer does with the credentials it is given (a stray newline from a
     * copied-and-pasted key would otherwise break every signature).
     */
    public Credentials {
        accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId").strip();
        secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey").strip();
        sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken.strip();
        if (accessKeyId.isEmpty() || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("credentials need an access key id and a secret access key");
        }
    }

    /** From two or three settings; null unless both the key id and the secret are set (as the SDK requires). */
    static Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            return null;
        }
        return new Credentials(accessKeyId, secretAccessKey, sessionToken, null);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", session=" + (sessionToken != null)
                + ", expiration=" + expiration + "]";
    }
}

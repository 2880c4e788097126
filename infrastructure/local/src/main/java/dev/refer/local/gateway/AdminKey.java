package dev.refer.local.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The local stand-in for API Gateway's IAM authorizer: a request to an {@code AWS_IAM} route must carry this key in
 * the {@code x-admin-key} header. Deployed, the caller signs the request with SigV4 instead.
 */
public final class AdminKey {

    public static final String HEADER = "x-admin-key";

    private final String value;

    public AdminKey(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the admin key must not be blank");
        }
        this.value = value;
    }

    public static AdminKey random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new AdminKey(HexFormat.of().formatHex(bytes));
    }

    public String value() {
        return value;
    }

    /** Constant-time, so the time a guess takes tells nothing about the key. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminKey[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdminKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}

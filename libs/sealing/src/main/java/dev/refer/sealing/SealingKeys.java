package dev.refer.sealing;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AES-256 keys sealed values are encrypted with, derived from a Secrets Manager secret the stack generates (for
 * payout details: {@code PayoutDetailsSecret}). Each version of the secret is a key, named by the version's id
 * ({@code kid} in a sealed value's header): {@code AWSCURRENT} seals, {@code AWSCURRENT} and {@code AWSPREVIOUS}
 * open, so values sealed before a rotation still open after it; a value naming a version not read yet (a rotation
 * since this environment started) makes the keys be read again once. The key is HMAC-SHA256 of a fixed label under
 * the secret's text (the JDK's HMAC; a purpose label, so the same secret could never serve two purposes alike).
 */
public final class SealingKeys {

    /** One version: its id and its key. */
    public record Version(String id, SecretKey key) {
    }

    /** Where the secret versions come from (Secrets Manager; a map in unit tests). */
    public interface Source {
        /** Versions by stage: the current first, then the previous one if any. */
        Map<String, String> versions();

        /** An older version by its id (one no stage names any more), or null when it is gone. */
        default String version(String id) {
            return null;
        }
    }

    private static final String LABEL = "refer payout details v1";
    /** How long the versions read are trusted before they are read again (a rotation reaches sealing within it). */
    static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);

    private final Source source;
    private volatile Map<String, SecretKey> keys;
    private volatile Version current;
    private volatile long readAt;
    private final java.util.concurrent.ConcurrentHashMap<String, SecretKey> older =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads nothing yet: the first seal or open reads the versions (so building the wiring calls no AWS API). */
    public SealingKeys(Source source) {
        this.source = source;
    }

    public static SealingKeys fromSecretsManager(SecretsManagerClient client, String secretId) {
        return new SealingKeys(new Source() {
            @Override
            public Map<String, String> versions() {
                Map<String, String> versions = new LinkedHashMap<>();
                GetSecretValueResponse current = client.getSecretValue(r -> r.secretId(secretId)
                        .versionStage("AWSCURRENT"));
                versions.put(current.versionId(), current.secretString());
                try {
                    GetSecretValueResponse previous = client.getSecretValue(r -> r.secretId(secretId)
                            .versionStage("AWSPREVIOUS"));
                    versions.putIfAbsent(previous.versionId(), previous.secretString());
                } catch (ResourceNotFoundException e) {
                    // never rotated
                }
                return versions;
            }

            @Override
            public String version(String id) {
                try {
                    return client.getSecretValue(r -> r.secretId(secretId).versionId(id)).secretString();
                } catch (software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException e) {
                    return null; // deleted (Secrets Manager keeps about 100 versions), or not a version id
                }
            }
        });
    }

    /** Reads the versions again (after a SnapStart restore, or when a value names an unknown version). */
    public synchronized void refresh() {
        Map<String, SecretKey> read = new LinkedHashMap<>();
        Version first = null;
        for (Map.Entry<String, String> version : source.versions().entrySet()) {
            SecretKey key = derive(version.getValue());
            read.put(version.getKey(), key);
            if (first == null) {
                first = new Version(version.getKey(), key);
            }
        }
        if (first == null) {
            throw new IllegalStateException("the sealing secret has no current version");
        }
        keys = Map.copyOf(read);
        current = first;
        readAt = System.nanoTime();
    }

    private void fresh() {
        if (current == null || System.nanoTime() - readAt > MAX_AGE_NANOS) {
            refresh();
        }
    }

    /** The current version, which seals; read again when older than {@link #MAX_AGE_NANOS}. */
    public Version current() {
        fresh();
        return current;
    }

    /**
     * The key of version {@code id}; when unknown, the stages are read again once (a rotation since), then the version
     * itself by its id: a value sealed two rotations ago (its version no longer staged) still opens while Secrets
     * Manager keeps the version. Versions read by id are kept for the environment's life.
     */
    public Optional<SecretKey> key(String id) {
        fresh();
        SecretKey key = id == null ? null : keys.get(id);
        if (key == null && id != null) {
            refresh();
            key = keys.get(id);
        }
        if (key == null && id != null) {
            key = older.computeIfAbsent(id, v -> {
                String secret = source.version(v);
                return secret == null ? null : derive(secret);
            });
        }
        return Optional.ofNullable(key);
    }

    static SecretKey derive(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("the sealing secret must have at least 32 characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

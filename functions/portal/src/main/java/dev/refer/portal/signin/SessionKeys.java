package dev.refer.portal.signin;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The session cookie's signing keys, from the generated secret {@code PortalSessionSecret}: its AWSCURRENT version
 * signs, AWSPREVIOUS (while a rotation is under way) still verifies, each known by its version id (the JWT's
 * {@code kid}), so a rotation signs no one out. Read at first use (not before a SnapStart snapshot is reused: see
 * {@link #reload}) and every {@link #REFRESH} on a warm environment, so a rotation reaches it without a deploy.
 */
public final class SessionKeys {

    static final Duration REFRESH = Duration.ofMinutes(5);

    /** A key by its version id; the first is the current one, which signs. */
    public record Loaded(String currentKid, Map<String, byte[]> keys) {
    }

    private final Supplier<Loaded> source;
    private final Clock clock;
    private volatile Loaded loaded;
    private volatile long loadedAtMillis;

    public SessionKeys(Supplier<Loaded> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Reads AWSCURRENT and AWSPREVIOUS of the secret; the client is built at the first read (not before a SnapStart
     * snapshot) and kept for the next ones.
     */
    public static Supplier<Loaded> fromSecretsManager(Supplier<SecretsManagerClient> client, String secretId) {
        java.util.concurrent.atomic.AtomicReference<SecretsManagerClient> built =
                new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            SecretsManagerClient secrets = built.updateAndGet(existing -> existing != null ? existing : client.get());
            Map<String, byte[]> keys = new LinkedHashMap<>();
            GetSecretValueResponse current = secrets.getSecretValue(r -> r.secretId(secretId)
                    .versionStage("AWSCURRENT"));
            keys.put(current.versionId(), current.secretString().getBytes(StandardCharsets.UTF_8));
            try {
                GetSecretValueResponse previous = secrets.getSecretValue(r -> r.secretId(secretId)
                        .versionStage("AWSPREVIOUS"));
                keys.putIfAbsent(previous.versionId(), previous.secretString().getBytes(StandardCharsets.UTF_8));
            } catch (ResourceNotFoundException e) {
                // no rotation under way: the current key only
            }
            return new Loaded(current.versionId(), keys);
        };
    }

    public Loaded keys() {
        Loaded keys = loaded;
        if (keys == null || clock.millis() - loadedAtMillis > REFRESH.toMillis()) {
            reload();
            keys = loaded;
        }
        return keys;
    }

    /** Reads the keys now: at first use, and after a SnapStart restore (the snapshot may predate a rotation). */
    public synchronized void reload() {
        loaded = source.get();
        loadedAtMillis = clock.millis();
    }
}

package dev.refer.aws;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A webhook's signing secret, from Secrets Manager (never from the function's plain environment): the version staged
 * AWSCURRENT and, while a rotation (a roll) is under way, AWSPREVIOUS, so deliveries signed with either verify. Read
 * at init, re-read after a SnapStart restore (the snapshot may be older than the last rotation) and every
 * {@link #REFRESH} on a warm environment, so a rotation reaches every environment within minutes without a deploy.
 * Each function turns the valid secrets into its own signature scheme's check ({@code C}).
 *
 * <p>Rotation: put the new value as a new version of the secret (it becomes AWSCURRENT, the old one AWSPREVIOUS),
 * switch the sender to it, and once every delivery signed with the old one has been retried or delivered, remove the
 * AWSPREVIOUS stage (docs/operations.md, "Rotating the webhook secret").
 *
 * @param <C> the check made from the valid secrets, current first
 */
public final class SigningSecrets<C> {

    public static final Duration REFRESH = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final Function<List<String>, C> checkOf;
    private volatile C check;
    private volatile long loadedAtMillis;

    /** Reads the secret at once: a function that cannot read its secret fails at init, not on its first delivery. */
    public SigningSecrets(SecretsManagerClient client, String secretId, Clock clock,
                          Function<List<String>, C> checkOf) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
        this.checkOf = checkOf;
        reload();
    }

    /** The check for the secrets valid now; re-reads them when older than {@link #REFRESH}. */
    public C check() {
        if (clock.millis() - loadedAtMillis > REFRESH.toMillis()) {
            reload();
        }
        return check;
    }

    /** Reads the secret's current (and previous) version now: at init, and after a SnapStart restore. */
    public void reload() {
        List<String> secrets = new ArrayList<>();
        secrets.add(client.getSecretValue(r -> r.secretId(secretId).versionStage("AWSCURRENT")).secretString());
        try {
            String previous = client.getSecretValue(r -> r.secretId(secretId).versionStage("AWSPREVIOUS"))
                    .secretString();
            if (previous != null && !previous.equals(secrets.getFirst())) {
                secrets.add(previous);
            }
        } catch (ResourceNotFoundException e) {
            // no rotation under way: only the current secret is valid
        }
        check = checkOf.apply(Collections.unmodifiableList(secrets)); // a null (binary) secret: the check refuses it
        loadedAtMillis = clock.millis();
    }
}

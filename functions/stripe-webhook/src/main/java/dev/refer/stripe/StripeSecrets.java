package dev.refer.stripe;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint's Stripe signing secret ({@code whsec_...}, which Stripe shows when the endpoint is created), from
 * Secrets Manager like the conversion webhook's: the version staged AWSCURRENT and, while a roll is under way,
 * AWSPREVIOUS, so deliveries signed with either verify. Read at init, after a SnapStart restore and every
 * {@link #REFRESH} on a warm environment, so a new secret reaches every environment within minutes without a deploy.
 *
 * <p>Rolling it: "Roll secret" in Stripe's dashboard (Stripe signs with both for the overlap you choose), put the new
 * value as a new version of the secret; once the overlap ended, remove the AWSPREVIOUS stage.
 */
final class StripeSecrets {

    static final Duration REFRESH = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private volatile StripeSignature signature;
    private volatile long loadedAtMillis;

    StripeSecrets(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
        reload();
    }

    /** The check for the secrets valid now; re-reads them when older than {@link #REFRESH}. */
    StripeSignature signature() {
        if (clock.millis() - loadedAtMillis > REFRESH.toMillis()) {
            reload();
        }
        return signature;
    }

    /** Reads the secret's current (and previous) version now: at init, and after a SnapStart restore. */
    void reload() {
        List<String> secrets = new ArrayList<>();
        secrets.add(client.getSecretValue(r -> r.secretId(secretId).versionStage("AWSCURRENT")).secretString());
        try {
            String previous = client.getSecretValue(r -> r.secretId(secretId).versionStage("AWSPREVIOUS"))
                    .secretString();
            if (previous != null && !previous.equals(secrets.getFirst())) {
                secrets.add(previous);
            }
        } catch (ResourceNotFoundException e) {
            // no roll under way: only the current secret is valid
        }
        signature = new StripeSignature(secrets, clock);
        loadedAtMillis = clock.millis();
    }
}

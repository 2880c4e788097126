package dev.refer.core.outbound;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A company's endpoint for outbound webhooks: where, which event types, the secret it verifies our signatures with.
 * During a secret's roll ({@link #ROLL}) the previous secret signs too, so the company can switch at its own pace.
 *
 * @param previousSecret     the secret before the last rotation, null when none
 * @param previousSecretUntil when the previous secret stops signing, null when none
 * @param disabledReason     why it is disabled (by the manager, or failing for days), null while enabled
 * @param failingSince       the first failed attempt with no success after it, null while it answers (three days of
 *                           it disable the endpoint: {@link RetrySchedule#disables})
 */
public record WebhookEndpoint(WebhookEndpointId id, URI url, Set<EventType> eventTypes, String description,
                              WebhookSecret secret, WebhookSecret previousSecret, Instant previousSecretUntil,
                              boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt,
                              Instant failingSince) {

    /** How long a rotated-out secret keeps signing. */
    public static final Duration ROLL = Duration.ofHours(24);

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one during its roll. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return List.copyOf(secrets);
    }

    public boolean wants(EventType type) {
        return enabled && eventTypes.contains(type);
    }

    public WebhookEndpoint rotated(WebhookSecret next, Instant now) {
        return new WebhookEndpoint(id, url, eventTypes, description, next, secret, now.plus(ROLL), enabled,
                disabledReason, createdAt, now, failingSince);
    }

    /** Enabled again by the manager: its failures start afresh. */
    public WebhookEndpoint changed(URI url, Set<EventType> eventTypes, String description, boolean enabled,
                                   String disabledReason, Instant now) {
        return new WebhookEndpoint(id, url, eventTypes, description, secret, previousSecret, previousSecretUntil,
                enabled, enabled ? null : disabledReason, createdAt, now,
                enabled && !this.enabled ? null : failingSince);
    }
}

package dev.refer.core.outbound;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The program manager's endpoint registry: register an endpoint (its secret is made here and shown once), change
 * its URL, event types, description or whether it is enabled, rotate its secret (the old one signs on for
 * {@link WebhookEndpoint#ROLL}), delete it. Every input is checked before anything is written.
 */
public final class ManageWebhookEndpoints {

    /** Enough for a CRM, a data warehouse and a few tools; a bound that keeps the fan-out's read to one page. */
    public static final int MAX_ENDPOINTS = 20;
    public static final int MAX_DESCRIPTION = 200;

    /** A new endpoint's fields, as the caller sent them. */
    public record Registration(String url, List<String> eventTypes, String description) {
    }

    /** A change: null fields keep their value. */
    public record Change(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    public sealed interface Registered {
        /** The endpoint; the only answer that carries the secret for the caller to keep. */
        record Created(WebhookEndpoint endpoint) implements Registered {
        }

        record TooMany(int max) implements Registered {
        }
    }

    private final WebhookEndpoints endpoints;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random;

    public ManageWebhookEndpoints(WebhookEndpoints endpoints, IdGenerator ids, Clock clock, SecureRandom random) {
        this.endpoints = endpoints;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    public Registered register(Registration registration) {
        Rules rules = Rules.check();
        URI url = rules.value("url", () -> EndpointUrl.validate(registration.url()));
        Set<EventType> types = rules.value("eventTypes", () -> eventTypes(registration.eventTypes()));
        String description = Rules.text(registration.description());
        rules.maxLength(description, MAX_DESCRIPTION, "description").orThrow();
        if (endpoints.list().size() >= MAX_ENDPOINTS) {
            return new Registered.TooMany(MAX_ENDPOINTS);
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId(ids.newId()), url, types, description,
                WebhookSecret.generate(random), null, null, true, null, now, now, null);
        endpoints.create(endpoint);
        return new Registered.Created(endpoint);
    }

    public Optional<WebhookEndpoint> change(WebhookEndpointId id, Change change) {
        Rules rules = Rules.check();
        URI url = change.url() == null ? null : rules.value("url", () -> EndpointUrl.validate(change.url()));
        Set<EventType> types = change.eventTypes() == null ? null
                : rules.value("eventTypes", () -> eventTypes(change.eventTypes()));
        String description = Rules.text(change.description());
        rules.maxLength(description, MAX_DESCRIPTION, "description").orThrow();
        Optional<WebhookEndpoint> found = endpoints.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebhookEndpoint before = found.get();
        if (change.equals(new Change(null, null, null, null))) {
            return found; // nothing to change: nothing written
        }
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        WebhookEndpoint after = before.changed(url == null ? before.url() : url,
                types == null ? before.eventTypes() : types,
                change.description() == null ? before.description() : description, enabled,
                change.enabled() == null ? before.disabledReason() : "disabled by the program manager",
                clock.instant());
        return endpoints.replace(after) ? Optional.of(after) : Optional.empty();
    }

    /** A new secret; the one it replaces signs too until {@link WebhookEndpoint#ROLL} has passed. */
    public Optional<WebhookEndpoint> rotateSecret(WebhookEndpointId id) {
        Optional<WebhookEndpoint> found = endpoints.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebhookEndpoint rotated = found.get().rotated(WebhookSecret.generate(random), clock.instant());
        return endpoints.replace(rotated) ? Optional.of(rotated) : Optional.empty();
    }

    public boolean delete(WebhookEndpointId id) {
        return endpoints.delete(id);
    }

    private static Set<EventType> eventTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw Invalid.field("eventTypes", "must name at least one of " + String.join(", ", EventType.wireNames()));
        }
        if (names.size() > EventType.values().length) {
            throw Invalid.field("eventTypes", "must name each event type at most once");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            EventType type = EventType.ofWireName(name).orElseThrow(() -> Invalid.field("eventTypes",
                    "must each be one of " + String.join(", ", EventType.wireNames())));
            types.add(type);
        }
        return types;
    }
}

package dev.refer.core.fakes;

import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookEndpoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The endpoint registry in memory, ordered by id as the table's sort key. */
public final class InMemoryWebhookEndpoints implements WebhookEndpoints {

    public final Map<String, WebhookEndpoint> endpoints = new TreeMap<>();

    @Override
    public synchronized void create(WebhookEndpoint endpoint) {
        if (endpoints.putIfAbsent(endpoint.id().value(), endpoint) != null) {
            throw new IllegalStateException("endpoint id taken");
        }
    }

    @Override
    public synchronized Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        return Optional.ofNullable(endpoints.get(id.value()));
    }

    @Override
    public synchronized List<WebhookEndpoint> list() {
        return new ArrayList<>(endpoints.values());
    }

    @Override
    public synchronized boolean replace(WebhookEndpoint endpoint) {
        return endpoints.replace(endpoint.id().value(), endpoint) != null;
    }

    @Override
    public synchronized boolean delete(WebhookEndpointId id) {
        return endpoints.remove(id.value()) != null;
    }

    @Override
    public synchronized void markFailing(WebhookEndpointId id, Instant since) {
        endpoints.computeIfPresent(id.value(), (key, e) -> e.failingSince() != null ? e : with(e, e.enabled(),
                e.disabledReason(), e.updatedAt(), since));
    }

    @Override
    public synchronized void markHealthy(WebhookEndpointId id) {
        endpoints.computeIfPresent(id.value(), (key, e) -> with(e, e.enabled(), e.disabledReason(), e.updatedAt(),
                null));
    }

    @Override
    public synchronized boolean disableFailing(WebhookEndpointId id, Instant failingSince, String reason,
                                               Instant now) {
        WebhookEndpoint e = endpoints.get(id.value());
        if (e == null || !e.enabled() || !failingSince.equals(e.failingSince())) {
            return false;
        }
        endpoints.put(id.value(), with(e, false, reason, now, e.failingSince()));
        return true;
    }

    private static WebhookEndpoint with(WebhookEndpoint e, boolean enabled, String reason, Instant updatedAt,
                                        Instant failingSince) {
        return new WebhookEndpoint(e.id(), e.url(), e.eventTypes(), e.description(), e.secret(), e.previousSecret(),
                e.previousSecretUntil(), enabled, reason, e.createdAt(), updatedAt, failingSince);
    }
}

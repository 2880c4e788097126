package dev.refer.core.fakes;

import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookEndpoints;

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
}

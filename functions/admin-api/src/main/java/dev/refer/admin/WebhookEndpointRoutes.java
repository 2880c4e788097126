package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.outbound.DeliveryRecord;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.ManageWebhookEndpoints;
import dev.refer.core.outbound.ReplayDelivery;
import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookEndpoints;
import dev.refer.dynamodb.outbound.DynamoDbDeliveryRecords;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound webhooks: the program manager registers the company's endpoints (its CRM, its tools) with the event types
 * they want. The signing secret is in the answer to the registration and to a rotation only; every other answer
 * leaves it out. An id that is not an endpoint's (or not an id at all) is a 404.
 */
final class WebhookEndpointRoutes {

    record RegistrationBody(String url, List<String> eventTypes, String description) {
    }

    record ChangeBody(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    private final ManageWebhookEndpoints manage;
    private final WebhookEndpoints endpoints;
    private final DynamoDbDeliveryRecords deliveries;
    /** Null in an environment without the delivery queue. */
    private final ReplayDelivery replay;
    private final Clock clock;

    WebhookEndpointRoutes(ManageWebhookEndpoints manage, WebhookEndpoints endpoints,
                          DynamoDbDeliveryRecords deliveries, ReplayDelivery replay, Clock clock) {
        this.manage = manage;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.replay = replay;
        this.clock = clock;
    }

    /**
     * {@code POST /admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay}: 202, the delivery queued
     * again (same id and body, signed afresh); 404 for an id that is not one of this endpoint's deliveries; 409 while
     * the endpoint is disabled.
     */
    APIGatewayV2HTTPResponse replayDelivery(HttpRequest request) {
        Optional<WebhookEndpointId> id = id(request);
        Optional<String> deliveryId = request.pathParameter("deliveryId");
        if (id.isEmpty() || deliveryId.isEmpty()) {
            return HttpResponse.problem(Problems.notFound("delivery"));
        }
        if (replay == null) {
            return HttpResponse.problem(Problem.of(503, "no-webhook-queue", "No webhook delivery queue",
                    "This environment has no webhook delivery queue (WEBHOOK_QUEUE_URL): nothing can be sent."));
        }
        return switch (replay.replay(id.get(), deliveryId.get())) {
            case ReplayDelivery.Replayed.Queued queued -> HttpResponse.json(202,
                    Map.of("id", queued.delivery().id(), "status", "queued"));
            case ReplayDelivery.Replayed.NotFound notFound -> HttpResponse.problem(Problems.notFound("delivery"));
            case ReplayDelivery.Replayed.EndpointDisabled disabled -> HttpResponse.problem(Problem.of(409,
                    "webhook-endpoint-disabled", "The endpoint is disabled",
                    "Enable the endpoint (PATCH it with \"enabled\": true) before replaying its deliveries."));
        };
    }

    /** {@code GET /admin/webhook-endpoints/{endpointId}/deliveries}: its delivery log, newest first, a page a time. */
    APIGatewayV2HTTPResponse listDeliveries(HttpRequest request) {
        var page = AdminRoutes.page(request);
        Optional<WebhookEndpointId> id = id(request).filter(found -> endpoints.find(found).isPresent());
        if (id.isEmpty()) {
            return notFound();
        }
        Page<DeliveryRecord> records = deliveries.list(id.get(), page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", records.items().stream().map(WebhookEndpointRoutes::json).toList());
        body.put("nextCursor", records.nextCursor());
        return HttpResponse.json(200, body);
    }

    private static Map<String, Object> json(DeliveryRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.deliveryId());
        json.put("eventId", record.eventId());
        json.put("eventType", record.eventType().wireName());
        json.put("status", record.status().toLowerCase(java.util.Locale.ROOT));
        json.put("attempts", record.attempts());
        json.put("lastStatusCode", record.lastStatusCode());
        json.put("lastError", record.lastError());
        json.put("lastAttemptAt", record.lastAttemptAt() == null ? null : record.lastAttemptAt().toString());
        json.put("createdAt", record.createdAt().toString());
        return json;
    }

    /** {@code POST /admin/webhook-endpoints}: 201 with the endpoint and its secret (shown this once). */
    APIGatewayV2HTTPResponse register(HttpRequest request) {
        RegistrationBody body = request.jsonBody(RegistrationBody.class, AdminRoutes.MAX_BODY_BYTES);
        if (body == null) {
            return HttpResponse.problem(Problem.invalidField("url", "is required"));
        }
        return switch (manage.register(new ManageWebhookEndpoints.Registration(body.url(), body.eventTypes(),
                body.description()))) {
            case ManageWebhookEndpoints.Registered.Created created ->
                    HttpResponse.withHeader(HttpResponse.json(201, json(created.endpoint(), true)), "Location",
                            "/admin/webhook-endpoints/" + created.endpoint().id().value());
            case ManageWebhookEndpoints.Registered.TooMany tooMany -> HttpResponse.problem(Problem.of(409,
                    "too-many-webhook-endpoints", "Too many webhook endpoints",
                    "A program has at most " + tooMany.max() + " webhook endpoints; delete one first."));
        };
    }

    /** {@code GET /admin/webhook-endpoints}: every endpoint, oldest first, without secrets. */
    APIGatewayV2HTTPResponse list(HttpRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", endpoints.list().stream().map(endpoint -> json(endpoint, false)).toList());
        body.put("eventTypes", EventType.wireNames());
        return HttpResponse.json(200, body);
    }

    /** {@code GET /admin/webhook-endpoints/{endpointId}}. */
    APIGatewayV2HTTPResponse get(HttpRequest request) {
        return id(request).flatMap(endpoints::find)
                .map(endpoint -> HttpResponse.json(200, json(endpoint, false)))
                .orElseGet(WebhookEndpointRoutes::notFound);
    }

    /** {@code PATCH /admin/webhook-endpoints/{endpointId}}: url, eventTypes, description, enabled; absent kept. */
    APIGatewayV2HTTPResponse change(HttpRequest request) {
        Optional<WebhookEndpointId> id = id(request);
        ChangeBody body = request.jsonBody(ChangeBody.class, AdminRoutes.MAX_BODY_BYTES);
        if (id.isEmpty()) {
            return notFound();
        }
        if (body == null) {
            return HttpResponse.problem(Problem.invalidField("body", "must be a JSON object"));
        }
        ChangeBody change = body;
        return manage.change(id.get(), new ManageWebhookEndpoints.Change(change.url(), change.eventTypes(),
                        change.description(), change.enabled()))
                .map(endpoint -> HttpResponse.json(200, json(endpoint, false)))
                .orElseGet(WebhookEndpointRoutes::notFound);
    }

    /** {@code POST /admin/webhook-endpoints/{endpointId}/rotate-secret}: the new secret, shown this once. */
    APIGatewayV2HTTPResponse rotateSecret(HttpRequest request) {
        return id(request).flatMap(manage::rotateSecret)
                .map(endpoint -> HttpResponse.json(200, json(endpoint, true)))
                .orElseGet(WebhookEndpointRoutes::notFound);
    }

    /** {@code DELETE /admin/webhook-endpoints/{endpointId}}: 204; deliveries already queued for it are dropped. */
    APIGatewayV2HTTPResponse delete(HttpRequest request) {
        return id(request).filter(manage::delete).map(deleted -> HttpResponse.empty(204))
                .orElseGet(WebhookEndpointRoutes::notFound);
    }

    private static Optional<WebhookEndpointId> id(HttpRequest request) {
        return request.pathParameter("endpointId").filter(WebhookEndpointId::isWellFormed)
                .map(WebhookEndpointId::new);
    }

    private static APIGatewayV2HTTPResponse notFound() {
        return HttpResponse.problem(Problems.notFound("webhook endpoint"));
    }

    private Map<String, Object> json(WebhookEndpoint endpoint, boolean withSecret) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", endpoint.id().value());
        json.put("url", endpoint.url().toString());
        json.put("eventTypes", endpoint.eventTypes().stream().sorted().map(EventType::wireName).toList());
        json.put("description", endpoint.description());
        json.put("enabled", endpoint.enabled());
        json.put("disabledReason", endpoint.disabledReason());
        if (withSecret) {
            json.put("secret", endpoint.secret().value());
        }
        boolean rolling = endpoint.signingSecrets(clock.instant()).size() > 1;
        json.put("previousSecretSignsUntil", rolling ? endpoint.previousSecretUntil().toString() : null);
        json.put("createdAt", endpoint.createdAt().toString());
        json.put("updatedAt", endpoint.updatedAt().toString());
        return json;
    }
}

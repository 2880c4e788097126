package dev.refer.dynamodb.outbound;

import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookEndpoints;
import dev.refer.core.outbound.WebhookSecret;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's webhook endpoints: one {@code WEBHOOK_ENDPOINT} item each in the program's partition (sort key
 * {@code WEBHOOK_ENDPOINT#<id>}), read by GetItem, listed by one Query on the sort key's prefix (at most
 * {@code ManageWebhookEndpoints.MAX_ENDPOINTS} items, one page). Created with {@code attribute_not_exists},
 * replaced and deleted only while they exist. The signing secrets sit in the item: the table is encrypted at rest
 * and read only by the admin API and the outbound functions (template IAM); no log carries them.
 */
public final class DynamoDbWebhookEndpoints implements WebhookEndpoints {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbWebhookEndpoints(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void create(WebhookEndpoint endpoint) {
        client.putItem(request -> request.tableName(table.tableName()).item(item(endpoint))
                .conditionExpression(Writes.KEY_IS_FREE));
    }

    @Override
    public Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        var response = client.getItem(request -> request.tableName(table.tableName()).key(key(id.value()))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public List<WebhookEndpoint> list() {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = client.query(request -> request.tableName(table.tableName())
                    .keyConditionExpression("#p = :p AND begins_with(#s, :s)")
                    .expressionAttributeNames(Map.of("#p", Keys.PK, "#s", Keys.SK))
                    .expressionAttributeValues(Map.of(
                            ":p", AttributeValue.fromS(TableKeys.programPartition(table.programId().value())),
                            ":s", AttributeValue.fromS(TableKeys.WEBHOOK_ENDPOINT_PREFIX)))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> endpoints.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return endpoints;
    }

    @Override
    public boolean replace(WebhookEndpoint endpoint) {
        try {
            client.putItem(request -> request.tableName(table.tableName()).item(item(endpoint))
                    .conditionExpression(Writes.ITEM_EXISTS));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean delete(WebhookEndpointId id) {
        try {
            client.deleteItem(request -> request.tableName(table.tableName()).key(key(id.value()))
                    .conditionExpression(Writes.ITEM_EXISTS));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markFailing(WebhookEndpointId id, Instant since) {
        update(id, "SET #f = if_not_exists(#f, :f)", Writes.ITEM_EXISTS, Map.of("#f", "failingSince"),
                Map.of(":f", AttributeValue.fromS(since.toString())));
    }

    @Override
    public void markHealthy(WebhookEndpointId id) {
        update(id, "REMOVE #f", Writes.ITEM_EXISTS, Map.of("#f", "failingSince"), null);
    }

    @Override
    public boolean disableFailing(WebhookEndpointId id, Instant failingSince, String reason, Instant now) {
        return update(id, "SET #e = :false, #r = :r, #u = :u", "#e = :true AND #f = :f",
                Map.of("#e", "enabled", "#r", "disabledReason", "#u", "updatedAt", "#f", "failingSince"),
                Map.of(":false", AttributeValue.fromBool(false), ":true", AttributeValue.fromBool(true),
                        ":r", AttributeValue.fromS(reason), ":u", AttributeValue.fromS(now.toString()),
                        ":f", AttributeValue.fromS(failingSince.toString())));
    }

    /** One conditional UpdateItem; false when its condition failed (gone, or changed meanwhile). */
    private boolean update(WebhookEndpointId id, String expression, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            client.updateItem(request -> request.tableName(table.tableName()).key(key(id.value()))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> key(String endpointId) {
        return Keys.key(TableKeys.webhookEndpoint(table.programId().value(), endpointId));
    }

    private Map<String, AttributeValue> item(WebhookEndpoint e) {
        ItemBuilder item = ItemBuilder.item(key(e.id().value()), ItemType.WEBHOOK_ENDPOINT)
                .s("endpointId", e.id().value())
                .s("url", e.url().toString())
                .strings("eventTypes", e.eventTypes().stream().sorted().map(EventType::wireName).toList())
                .s("description", e.description())
                .s("secret", e.secret().value())
                .s("previousSecret", e.previousSecret() == null ? null : e.previousSecret().value())
                .instant("previousSecretUntil", e.previousSecretUntil())
                .bool("enabled", e.enabled())
                .s("disabledReason", e.disabledReason())
                .instant("createdAt", e.createdAt())
                .instant("updatedAt", e.updatedAt())
                .instant("failingSince", e.failingSince());
        return item.build();
    }

    static WebhookEndpoint fromItem(Map<String, AttributeValue> item) {
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        Attributes.strings(item, "eventTypes").forEach(name -> EventType.ofWireName(name).ifPresent(types::add));
        String previous = Attributes.optionalString(item, "previousSecret");
        return new WebhookEndpoint(new WebhookEndpointId(Attributes.string(item, "endpointId")),
                URI.create(Attributes.string(item, "url")), types, Attributes.optionalString(item, "description"),
                new WebhookSecret(Attributes.string(item, "secret")),
                previous == null ? null : new WebhookSecret(previous),
                Attributes.optionalInstant(item, "previousSecretUntil"), Attributes.bool(item, "enabled"),
                Attributes.optionalString(item, "disabledReason"), Attributes.instant(item, "createdAt"),
                Attributes.instant(item, "updatedAt"), Attributes.optionalInstant(item, "failingSince"));
    }
}

package dev.refer.dynamodb.outbound;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.DeliveryCodec;
import dev.refer.core.outbound.ReplayDelivery;
import dev.refer.core.outbound.DeliveryRecord;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery log per endpoint: each attempt written onto its {@code WEBHOOK_DELIVERY} record (one UpdateItem:
 * status, attempts, last answer or error, when), and an endpoint's records read newest first from GSI1, a page at a
 * time. Whether a delivery was delivered is one strongly consistent GetItem of its record; a replay reads the message
 * the record keeps (only a record of the endpoint named: another endpoint's delivery id is not found) and sets the
 * record back to {@code QUEUED}.
 */
public final class DynamoDbDeliveryRecords implements DeliverWebhook.AttemptLog, ReplayDelivery.Records {

    private static final String DELIVERED = "DELIVERED";

    private final DynamoDbClient client;
    private final TableConfig table;
    private final QueryPages pages;
    private final DeliveryCodec codec;

    public DynamoDbDeliveryRecords(DynamoDbClient client, TableConfig table, DeliveryCodec codec) {
        this.client = client;
        this.table = table;
        this.codec = codec;
        this.pages = new QueryPages(client, table.tableName());
    }

    /** Only onto a claimed record (the fan-out wrote it): an attempt never creates one. */
    @Override
    public void record(OutboundDelivery delivery, DeliverWebhook.Attempt attempt) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "status", "#a", "attempts", "#t", "lastAttemptAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":s", AttributeValue.fromS(attempt.outcome().toUpperCase(Locale.ROOT).replace(' ', '_')),
                ":a", AttributeValue.fromN(Integer.toString(attempt.number())),
                ":t", AttributeValue.fromS(attempt.at().toString())));
        StringBuilder set = new StringBuilder("SET #s = :s, #a = :a, #t = :t");
        StringBuilder remove = new StringBuilder();
        if (attempt.statusCode() != null) {
            names.put("#c", "lastStatusCode");
            values.put(":c", AttributeValue.fromN(Integer.toString(attempt.statusCode())));
            set.append(", #c = :c");
        } else {
            names.put("#c", "lastStatusCode");
            remove.append(" REMOVE #c");
        }
        names.put("#e", "lastError");
        if (attempt.error() != null) {
            values.put(":e", AttributeValue.fromS(attempt.error()));
            set.append(", #e = :e");
        } else {
            remove.append(remove.isEmpty() ? " REMOVE #e" : ", #e");
        }
        try {
            client.updateItem(request -> request.tableName(table.tableName())
                    .key(Keys.key(TableKeys.webhookDelivery(delivery.id())))
                    .updateExpression(set + remove.toString())
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // no record: not a delivery of ours
        }
    }

    @Override
    public boolean delivered(OutboundDelivery delivery) {
        var item = client.getItem(request -> request.tableName(table.tableName())
                .key(Keys.key(TableKeys.webhookDelivery(delivery.id()))).consistentRead(true)
                .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "status"))).item();
        return item != null && item.containsKey("status") && DELIVERED.equals(item.get("status").s());
    }

    @Override
    public Optional<OutboundDelivery> find(WebhookEndpointId endpointId, String deliveryId) {
        if (deliveryId == null || deliveryId.isEmpty() || deliveryId.length() > 200) {
            return Optional.empty();
        }
        var item = client.getItem(request -> request.tableName(table.tableName())
                .key(Keys.key(TableKeys.webhookDelivery(deliveryId))).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !endpointId.value().equals(Attributes.optionalString(item, "endpointId"))
                || Attributes.optionalString(item, "message") == null) {
            return Optional.empty();
        }
        return Optional.of(codec.decode(Attributes.string(item, "message")));
    }

    @Override
    public void requeued(OutboundDelivery delivery) {
        try {
            client.updateItem(request -> request.tableName(table.tableName())
                    .key(Keys.key(TableKeys.webhookDelivery(delivery.id())))
                    .updateExpression("SET #s = :queued")
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":queued", AttributeValue.fromS("QUEUED"))));
        } catch (ConditionalCheckFailedException e) {
            // gone meanwhile: the worker logs nothing onto a missing record either
        }
    }

    /** An endpoint's deliveries, newest first. */
    public Page<DeliveryRecord> list(WebhookEndpointId endpointId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, TableKeys.deliveriesOf(endpointId.value()), null, page,
                DynamoDbDeliveryRecords::fromItem);
    }

    static DeliveryRecord fromItem(Map<String, AttributeValue> item) {
        Long code = Attributes.optionalNumber(item, "lastStatusCode");
        return new DeliveryRecord(Attributes.string(item, "deliveryId"),
                new WebhookEndpointId(Attributes.string(item, "endpointId")), Attributes.string(item, "eventId"),
                EventType.ofWireName(Attributes.string(item, "eventType")).orElseThrow(),
                Attributes.string(item, "status"), (int) Attributes.number(item, "attempts"),
                code == null ? null : code.intValue(), Attributes.optionalString(item, "lastError"),
                Attributes.optionalInstant(item, "lastAttemptAt"), Attributes.instant(item, "createdAt"));
    }
}

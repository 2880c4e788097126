package dev.refer.dynamodb.outbound;

import dev.refer.core.outbound.DeliveryCodec;
import dev.refer.core.outbound.DeliveryLog;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Clock;
import java.util.Map;

/**
 * The outbound deliveries' records: one {@code WEBHOOK_DELIVERY} item per event and endpoint, claimed by a
 * conditional put ({@code attribute_not_exists}; a refused put returns the record, ALL_OLD, so no second read), in
 * GSI1 under its endpoint by claim time (the delivery log, newest first). {@code status} is {@code CLAIMED} until the
 * delivery is on the queue, then {@code QUEUED}; the delivery worker moves it on from there. The record keeps the
 * queue's message ({@code message}, the {@link DeliveryCodec}'s), so a delivery can be replayed by hand.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

    static final String CLAIMED = "CLAIMED";
    static final String QUEUED = "QUEUED";

    private final DynamoDbClient client;
    private final TableConfig table;
    private final DeliveryCodec codec;
    private final Clock clock;

    public DynamoDbDeliveryLog(DynamoDbClient client, TableConfig table, DeliveryCodec codec, Clock clock) {
        this.client = client;
        this.table = table;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Claim claim(OutboundDelivery delivery) {
        var now = clock.instant();
        Map<String, AttributeValue> item = ItemBuilder.item(key(delivery), ItemType.WEBHOOK_DELIVERY)
                .s("deliveryId", delivery.id())
                .s("endpointId", delivery.endpointId().value())
                .s("eventId", delivery.event().id())
                .s("eventType", delivery.event().type().wireName())
                .s("status", CLAIMED)
                .s("message", codec.encode(delivery))
                .n("attempts", 0)
                .instant("createdAt", now)
                .gsi1(TableKeys.deliveriesOf(delivery.endpointId().value()), TableKeys.termsOrder(now, delivery.id()))
                .build();
        try {
            client.putItem(request -> request.tableName(table.tableName()).item(item)
                    .conditionExpression(Writes.KEY_IS_FREE)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.NEW;
        } catch (ConditionalCheckFailedException e) {
            AttributeValue status = e.hasItem() ? e.item().get("status") : null;
            return status != null && CLAIMED.equals(status.s()) ? Claim.UNQUEUED : Claim.QUEUED;
        }
    }

    /** Only a claimed record moves to queued: a worker that got there first is not set back. */
    @Override
    public void markQueued(OutboundDelivery delivery) {
        try {
            client.updateItem(request -> request.tableName(table.tableName()).key(key(delivery))
                    .updateExpression("SET #s = :queued")
                    .conditionExpression("#s = :claimed")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":queued", AttributeValue.fromS(QUEUED),
                            ":claimed", AttributeValue.fromS(CLAIMED))));
        } catch (ConditionalCheckFailedException e) {
            // moved on already
        }
    }

    private static Map<String, AttributeValue> key(OutboundDelivery delivery) {
        return Keys.key(TableKeys.webhookDelivery(delivery.id()));
    }
}

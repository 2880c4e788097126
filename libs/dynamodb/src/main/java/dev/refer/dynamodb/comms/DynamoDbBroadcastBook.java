package dev.refer.dynamodb.comms;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.comms.broadcast.Broadcast;
import dev.refer.core.comms.broadcast.BroadcastBook;
import dev.refer.core.comms.broadcast.Broadcast;
import dev.refer.core.comms.broadcast.BroadcastBook;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Broadcasts: {@code BROADCAST#{pid}#{id}} / {@code BROADCAST}, listed newest first in GSI1
 * {@code PROGRAM#{pid}#BROADCASTS}.
 */
public final class DynamoDbBroadcastBook implements BroadcastBook {

    private final DynamoDbClient client;
    private final TableConfig table;
    private final QueryPages pages;

    public DynamoDbBroadcastBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public void create(Broadcast broadcast) {
        client.putItem(r -> r.tableName(table.tableName()).conditionExpression(Writes.KEY_IS_FREE)
                .item(ItemBuilder.item(Keys.broadcast(table.programId(), broadcast.id()), ItemType.BROADCAST)
                        .s("id", broadcast.id()).s("subject", broadcast.subject()).s("body", broadcast.body())
                        .s("audience", broadcast.audience()).s("status", broadcast.status().name())
                        .instant("createdAt", broadcast.createdAt())
                        .gsi1(Keys.broadcastsOf(table.programId()), broadcast.id()).build()));
    }

    @Override
    public Optional<Broadcast> find(String id) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.broadcast(table.programId(), id)).consistentRead(true));
        return response.hasItem() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Optional<Broadcast> markSending(String id, Instant at) {
        try {
            var response = client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.broadcast(table.programId(), id))
                    .updateExpression("SET #status = :sending, sentAt = :at")
                    .conditionExpression("#status = :draft")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS(Broadcast.Status.SENDING.name()),
                            ":draft", AttributeValue.fromS(Broadcast.Status.DRAFT.name()),
                            ":at", AttributeValue.fromS(at.toString())))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return find(id); // sending already, or none
        }
    }

    @Override
    public Page<Broadcast> list(PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.broadcastsOf(table.programId()), null, page,
                DynamoDbBroadcastBook::fromItem);
    }

    private static Broadcast fromItem(Map<String, AttributeValue> item) {
        return new Broadcast(Attributes.string(item, "id"), Attributes.string(item, "subject"),
                Attributes.string(item, "body"), Attributes.string(item, "audience"),
                Attributes.enumValue(item, "status", Broadcast.Status.class), Attributes.instant(item, "createdAt"),
                Attributes.optionalInstant(item, "sentAt"));
    }
}

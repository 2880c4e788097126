package dev.refer.dynamodb.payout;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayeeIndex;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Cursor;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payee markers: {@code PAYEE#{pid}#{partnerId}} / {@code PAYEE}, one per partner with unpaid entries, listed in GSI1
 * under {@code PROGRAM#{pid}#PAYEES#{shard}} (16 shards, by partner id). The stream projection puts a marker (with
 * {@code touchedAt}) whenever it sees an unpaid entry appear; a payout run deletes the marker of a partner left with
 * nothing unpaid, unless it was touched since the run looked. A run's sweep pages through the program's partners (GSI1
 * {@code PROGRAM#{pid}#PARTNERS}) and puts the marker, if missing, of a partner with an unpaid entry.
 */
public final class DynamoDbPayeeIndex implements PayeeIndex {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbPayeeIndex(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    /** The marker the projection writes for {@code partnerId} (an idempotent Put). */
    public static Map<String, AttributeValue> marker(TableConfig table, PartnerId partnerId, Instant at) {
        return ItemBuilder.item(Keys.payee(table.programId(), partnerId), ItemType.PAYEE)
                .s("partnerId", partnerId.value())
                .s("touchedAt", SortableTime.format(at)) // fixed width: compared as a string
                .gsi1(Keys.payees(table.programId(), Keys.payeeShard(partnerId)), partnerId.value())
                .build();
    }

    @Override
    public PayeePage payees(int shard, String cursor, int limit) {
        String partition = Keys.payees(table.programId(), shard);
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursor.startKey(cursor, KeyShape.GSI1, partition, null);
        List<PartnerId> partners = new ArrayList<>();
        Map<String, AttributeValue> last = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(r -> r.tableName(table.tableName()).indexName(Keys.GSI1)
                    .keyConditionExpression("#p = :p")
                    .expressionAttributeNames(Map.of("#p", Keys.GSI1PK))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                    .limit(limit - partners.size())
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                partners.add(new PartnerId(Attributes.string(item, "partnerId")));
                last = item;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && partners.size() < limit);
        return new PayeePage(partners, start == null ? null : Cursor.after(last, KeyShape.GSI1));
    }

    @Override
    public PayeePage partners(String cursor, int limit) {
        String partition = Keys.partnersOf(table.programId());
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursor.startKey(cursor, KeyShape.GSI1, partition, null);
        QueryResponse page = client.query(r -> r.tableName(table.tableName()).indexName(Keys.GSI1)
                .keyConditionExpression("#p = :p")
                .projectionExpression("#id, #pk, #sk, #p, #s")
                .expressionAttributeNames(Map.of("#p", Keys.GSI1PK, "#s", Keys.GSI1SK, "#id", "partnerId",
                        "#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .limit(limit)
                .exclusiveStartKey(start));
        List<PartnerId> partners = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            partners.add(new PartnerId(Attributes.string(item, "partnerId")));
        }
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !page.items().isEmpty();
        return new PayeePage(partners, more ? Cursor.after(page.items().getLast(), KeyShape.GSI1) : null);
    }

    @Override
    public boolean list(PartnerId partnerId, Instant at) {
        try {
            client.putItem(r -> r.tableName(table.tableName()).item(marker(table, partnerId, at))
                    .conditionExpression(Writes.KEY_IS_FREE));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // listed: the stream projection saw its entry
        }
    }

    @Override
    public void forget(PartnerId partnerId, Instant checkedAt) {
        try {
            client.deleteItem(r -> r.tableName(table.tableName()).key(Keys.payee(table.programId(), partnerId))
                    .conditionExpression("touchedAt < :checked")
                    .expressionAttributeValues(Map.of(":checked",
                            AttributeValue.fromS(SortableTime.format(checkedAt)))));
        } catch (ConditionalCheckFailedException e) {
            // it earned again since the run looked (or is gone already)
        }
    }
}

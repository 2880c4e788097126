package dev.refer.dynamodb.payout;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayoutRuns;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A period's run: {@code PAYOUTRUN#{pid}#{period}} / {@code RUN} with the counters ({@code planned},
 * {@code processed}, {@code shardsDone}) and each shard's planning cursor ({@code c0}..{@code c15}; {@code c16} the sweep's); beside it one
 * {@code DONE#{partnerId}} item per partner processed, written with the counter's increment so a partner counts once.
 */
public final class DynamoDbPayoutRuns implements PayoutRuns {

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;

    public DynamoDbPayoutRuns(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
    }

    @Override
    public Run start(YearMonth period, Instant periodStart, Instant cutoff, Instant now) {
        try {
            client.putItem(r -> r.tableName(table.tableName())
                    .item(ItemBuilder.item(Keys.payoutRun(table.programId(), period), ItemType.PAYOUT_RUN)
                            .s("period", period.toString())
                            .instant("periodStart", periodStart)
                            .instant("cutoff", cutoff)
                            .n("planned", 0L).n("processed", 0L).n("shardsDone", 0L)
                            .instant("startedAt", now)
                            .build())
                    .conditionExpression(Writes.KEY_IS_FREE));
        } catch (ConditionalCheckFailedException e) {
            // started before: resume it as it stands
        }
        return find(period).orElseThrow();
    }

    @Override
    public Optional<Run> find(YearMonth period) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.payoutRun(table.programId(), period)).consistentRead(true));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        Map<Integer, String> cursors = new HashMap<>();
        for (int shard = 0; shard <= PayoutRuns.SWEEP; shard++) {
            String cursor = Attributes.optionalString(item, "c" + shard);
            if (cursor != null) {
                cursors.put(shard, cursor);
            }
        }
        return Optional.of(new Run(period, Attributes.instant(item, "periodStart"), Attributes.instant(item, "cutoff"),
                Attributes.number(item, "planned"), Attributes.number(item, "processed"), cursors,
                (int) Attributes.number(item, "shardsDone"), Attributes.instant(item, "startedAt")));
    }

    @Override
    public boolean planned(YearMonth period, int shard, String from, String to, int count) {
        String cursor = "c" + shard;
        boolean shardDone = to == null && shard != SWEEP; // the sweep counts as no shard
        String update = "SET #c = :to ADD #planned :n" + (shardDone ? ", #shardsDone :one" : "");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", AttributeValue.fromS(to == null ? DONE : to),
                ":n", AttributeValue.fromN(Integer.toString(count))));
        if (shardDone) {
            values.put(":one", AttributeValue.fromN("1"));
        }
        String condition;
        if (from == null) {
            condition = "attribute_exists(pk) AND attribute_not_exists(#c)";
        } else {
            condition = "#c = :from";
            values.put(":from", AttributeValue.fromS(from));
        }
        try {
            client.updateItem(r -> r.tableName(table.tableName()).key(Keys.payoutRun(table.programId(), period))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(shardDone
                            ? Map.of("#c", cursor, "#planned", "planned", "#shardsDone", "shardsDone")
                            : Map.of("#c", cursor, "#planned", "planned"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Run processed(YearMonth period, PartnerId partnerId) {
        List<TransactWriteItem> items = List.of(
                Writes.putNew(table.tableName(), ItemBuilder.item(
                        Keys.payoutRunDone(table.programId(), period, partnerId), ItemType.PAYOUT_RUN_DONE)
                        .s("partnerId", partnerId.value()).build()),
                Writes.update(Update.builder().tableName(table.tableName())
                        .key(Keys.payoutRun(table.programId(), period))
                        .updateExpression("ADD #processed :one")
                        .conditionExpression(Writes.ITEM_EXISTS)
                        .expressionAttributeNames(Map.of("#processed", "processed"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .build()));
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isPresent() && !cancelled.get().conditionFailed(0)) {
            if (cancelled.get().conditionFailed(1)) {
                return null; // no such run (a message of a run that was never started)
            }
            throw cancelled.get().unexpected();
        }
        return find(period).orElse(null);
    }
}

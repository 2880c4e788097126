package dev.refer.dynamodb.comms;

import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingRuns;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's run: {@code MAILRUN#{pid}#{campaignKey}} / {@code MAILRUN} with {@code cursor} (absent before the
 * first step), {@code planned}, the last step that moved the cursor ({@code stepId}, and {@code stepFrom}: the cursor
 * it moved from, absent for the first page) and one {@code n:{outcome}} count per outcome.
 */
public final class DynamoDbMailingRuns implements MailingRuns {

    private static final String COUNT = "n:";

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;

    public DynamoDbMailingRuns(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
    }

    @Override
    public Run start(Campaign campaign, Instant at) {
        try {
            client.putItem(r -> r.tableName(table.tableName()).conditionExpression(Writes.KEY_IS_FREE)
                    .item(ItemBuilder.item(Keys.mailingRun(table.programId(), campaign.key()), ItemType.MAILING_RUN)
                            .s("campaign", campaign.key()).instant("startedAt", at).n("planned", 0L).build()));
        } catch (ConditionalCheckFailedException e) {
            // started before
        }
        return find(campaign).orElseThrow(() -> new IllegalStateException("the run of " + campaign.key()
                + " vanished"));
    }

    @Override
    public Optional<Run> find(Campaign campaign) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.mailingRun(table.programId(), campaign.key())).consistentRead(true));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        Map<String, Long> counts = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNT) && value.n() != null) {
                counts.put(name.substring(COUNT.length()), Long.parseLong(value.n()));
            }
        });
        return Optional.of(new Run(campaign, Attributes.instant(item, "startedAt"),
                Attributes.optionalString(item, "cursor"), Attributes.number(item, "planned"), counts,
                item.containsKey("stepId") ? new LastStep(Attributes.optionalString(item, "stepFrom"),
                        Attributes.optionalString(item, "stepId")) : null));
    }

    @Override
    public boolean advance(Campaign campaign, String from, String to, int planned, String stepId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", AttributeValue.fromS(to),
                ":n", AttributeValue.fromN(Integer.toString(planned)), ":step", AttributeValue.fromS(stepId)));
        String condition;
        String update;
        if (from == null) {
            condition = "attribute_exists(pk) AND attribute_not_exists(#cursor)";
            update = "SET #cursor = :to, stepId = :step REMOVE stepFrom ADD planned :n";
        } else {
            condition = "#cursor = :from";
            update = "SET #cursor = :to, stepId = :step, stepFrom = :from ADD planned :n";
            values.put(":from", AttributeValue.fromS(from));
        }
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.mailingRun(table.programId(), campaign.key()))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#cursor", "cursor"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void count(Campaign campaign, String outcome) {
        client.updateItem(r -> r.tableName(table.tableName())
                .key(Keys.mailingRun(table.programId(), campaign.key()))
                .updateExpression("ADD #n :one")
                .conditionExpression(Writes.ITEM_EXISTS)
                .expressionAttributeNames(Map.of("#n", COUNT + outcome))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    @Override
    public void countOnce(Campaign campaign, String outcome, String sendKey) {
        List<TransactWriteItem> items = List.of(
                Writes.update(Update.builder().tableName(table.tableName())
                        .key(Keys.mailingRun(table.programId(), campaign.key()))
                        .updateExpression("ADD #n :one")
                        .conditionExpression(Writes.ITEM_EXISTS)
                        .expressionAttributeNames(Map.of("#n", COUNT + outcome))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()),
                Writes.update(Update.builder().tableName(table.tableName())
                        .key(Keys.mail(table.programId(), sendKey))
                        .updateExpression("SET #counted = :campaign")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#counted)")
                        .expressionAttributeNames(Map.of("#counted", "countedIn"))
                        .expressionAttributeValues(Map.of(":campaign", AttributeValue.fromS(campaign.key())))
                        .build()));
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isPresent() && !cancelled.get().conditionFailed(1)) {
            throw cancelled.get().unexpected(); // the run is gone: nothing to count in
        }
        // the email's entry marked: counted before
    }
}

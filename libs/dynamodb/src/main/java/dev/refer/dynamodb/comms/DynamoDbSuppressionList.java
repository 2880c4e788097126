package dev.refer.dynamodb.comms;

import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.comms.consent.SuppressionList;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Map;
import java.util.Optional;

/** Suppressed addresses: {@code SUPPRESSION#{pid}#{address}} / {@code SUPPRESSION}, one item per address. */
public final class DynamoDbSuppressionList implements SuppressionList {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbSuppressionList(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Suppression> find(String address) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.suppression(table.programId(), address)));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Suppression(address, Attributes.enumValue(item, "reason", Suppression.Reason.class),
                Attributes.instant(item, "at"), Attributes.optionalString(item, "detail")));
    }

    @Override
    public void record(Suppression suppression) {
        Map<String, AttributeValue> item = ItemBuilder.item(Keys.suppression(table.programId(), suppression.address()),
                        ItemType.SUPPRESSION)
                .s("address", suppression.address()).s("reason", suppression.reason().name())
                .instant("at", suppression.at()).s("detail", suppression.detail()).build();
        try {
            client.putItem(r -> {
                r.tableName(table.tableName()).item(item);
                if (suppression.reason() == Suppression.Reason.COMPLAINT) {
                    // a bounce stays a bounce: it blocks more than a complaint does
                    r.conditionExpression("attribute_not_exists(pk) OR #reason <> :bounce")
                            .expressionAttributeNames(Map.of("#reason", "reason"))
                            .expressionAttributeValues(Map.of(":bounce",
                                    AttributeValue.fromS(Suppression.Reason.BOUNCE.name())));
                }
            });
        } catch (ConditionalCheckFailedException e) {
            // bounced before
        }
    }
}

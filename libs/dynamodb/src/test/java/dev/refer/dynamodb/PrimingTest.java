package dev.refer.dynamodb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Priming's refusal of writes, against DynamoDB Local: every kind of write is refused inside, none outside. */
class PrimingTest {

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @Test
    void writes_insideRefused_areRefusedByDynamoDbAndStoreNothing_outsideTheyPass() {
        TestTable table = TestTable.create();
        DynamoDbClient client = DynamoDbClients.create();
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("P"), "sk", AttributeValue.fromS("S"),
                "type", AttributeValue.fromS("PRIMING"));

        Priming.refused(() -> {
            assertThrows(ConditionalCheckFailedException.class,
                    () -> client.putItem(r -> r.tableName(table.name()).item(item)));
            assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(r -> r
                    .tableName(table.name()).key(Keys.key("P", "S")).updateExpression("SET #n = :v")
                    .conditionExpression("attribute_not_exists(pk)")
                    .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(Map.of(":v",
                            AttributeValue.fromN("1")))));
            assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(Map.of(
                            "pk", AttributeValue.fromS("P2"), "sk", AttributeValue.fromS("S"))).build()).build())));
            assertThrows(IllegalStateException.class, () -> client.batchWriteItem(BatchWriteItemRequest.builder()
                    .requestItems(Map.of(table.name(), List.of(WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item).build()).build()))).build()));
        });
        assertEquals(0, table.items().size());

        client.putItem(r -> r.tableName(table.name()).item(item));
        assertEquals(1, table.items().size());
    }
}

package dev.refer.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.Map;

/** Transaction items the adapters share. */
public final class Writes {

    /** The condition that makes a put create-only: the item's key must be free. */
    public static final String KEY_IS_FREE = "attribute_not_exists(pk)";
    public static final String ITEM_EXISTS = "attribute_exists(pk)";

    private Writes() {
    }

    /** Creates the item, failing its condition when an item with that key exists. */
    public static TransactWriteItem putNew(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression(KEY_IS_FREE)
                .build()).build();
    }

    /**
     * Creates a uniqueness guard; when it exists already, the cancellation carries the existing guard, so the caller
     * learns who holds it without a second read.
     */
    public static TransactWriteItem putGuard(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression(KEY_IS_FREE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    public static TransactWriteItem update(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }
}

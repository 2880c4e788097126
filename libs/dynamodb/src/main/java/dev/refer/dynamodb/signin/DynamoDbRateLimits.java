package dev.refer.dynamodb.signin;

import dev.refer.core.signin.RateLimits;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * {@code RATE#{pid}#{scope}#{subject}} / {@code WINDOW#{start}}: one counter per subject and window, incremented by a
 * conditional update that fails once the limit is reached (concurrent requests cannot both take the last place);
 * {@code expiresAt} is the window's end, for the table's TTL.
 */
public final class DynamoDbRateLimits implements RateLimits {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbRateLimits(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean admit(String scope, String subject, int limit, Instant windowStart, Instant windowEnd) {
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.rateCounter(table.programId(), scope, subject, windowStart))
                    .updateExpression("SET #type = :type, #expiresAt = :end ADD #count :one")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#type", Keys.TYPE, "#expiresAt", DynamoDbSignInLinks.EXPIRES_AT,
                            "#count", "count"))
                    .expressionAttributeValues(Map.of(
                            ":type", AttributeValue.fromS(ItemType.RATE_COUNTER.name()),
                            ":end", AttributeValue.fromN(Long.toString(windowEnd.getEpochSecond())),
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

package dev.refer.dynamodb.signin;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.signin.SignInLinks;
import dev.refer.core.signin.TokenHash;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SIGNIN_TOKEN#{sha256}} / {@code SIGNIN_TOKEN}: a sign-in link's token, by its hash, with the partner and
 * {@code expiresAt} (epoch seconds: the check, and the table's TTL removes it later). Using it is one conditional
 * delete, so of two concurrent uses exactly one gets the partner.
 */
public final class DynamoDbSignInLinks implements SignInLinks {

    static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbSignInLinks(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void save(TokenHash hash, PartnerId partnerId, Instant expiresAt) {
        Map<String, AttributeValue> item = ItemBuilder.item(Keys.signInToken(hash), ItemType.SIGNIN_TOKEN)
                .s("partnerId", partnerId.value())
                .n(EXPIRES_AT, expiresAt.getEpochSecond())
                .build();
        client.putItem(r -> r.tableName(table.tableName()).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<PartnerId> consume(TokenHash hash, Instant now) {
        try {
            DeleteItemResponse response = client.deleteItem(r -> r.tableName(table.tableName())
                    .key(Keys.signInToken(hash))
                    .conditionExpression("attribute_exists(pk) AND #expiresAt > :now")
                    .expressionAttributeNames(Map.of("#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                    .returnValues(ReturnValue.ALL_OLD));
            return Optional.of(new PartnerId(Attributes.string(response.attributes(), "partnerId")));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty(); // unknown, used or expired: nothing deleted
        }
    }
}

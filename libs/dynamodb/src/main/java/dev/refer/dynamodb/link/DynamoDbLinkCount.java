package dev.refer.dynamodb.link;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.portal.LinkCount;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.Map;

/** Counts a partner's links in GSI1 {@code PARTNER#{id}#LINKS}, keys only, reading no more than the limit needs. */
public final class DynamoDbLinkCount implements LinkCount {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbLinkCount(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public int countUpTo(PartnerId partnerId, int upTo) {
        int counted = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            int limit = upTo - counted;
            QueryResponse response = client.query(request -> request.tableName(table.tableName())
                    .indexName(Keys.GSI1)
                    .keyConditionExpression("#p = :p")
                    .expressionAttributeNames(Map.of("#p", Keys.GSI1PK))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.linksOf(partnerId))))
                    .select(Select.COUNT)
                    .limit(limit)
                    .exclusiveStartKey(from));
            counted += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && counted < upTo);
        return counted;
    }
}

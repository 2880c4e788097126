package dev.refer.dynamodb;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Newest-first listings: one Query of one partition (ids and sort keys sort by time, so descending order is newest
 * first). Reads one item more than the page holds, so the last page carries no cursor and a caller never fetches an
 * empty page.
 */
public final class QueryPages {

    private final DynamoDbClient client;
    private final String tableName;

    public QueryPages(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * @param sortPrefix when set, only items whose sort key starts with it (e.g. a partner's ledger entries among the
     *                   partner's other items)
     */
    public <T> Page<T> newestFirst(KeyShape shape, String partition, String sortPrefix, PageRequest page,
                            Function<Map<String, AttributeValue>, T> mapper) {
        Map<String, String> names = new HashMap<>(Map.of("#p", shape.partitionAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        String condition = "#p = :p";
        if (sortPrefix != null) {
            names.put("#s", shape.sortAttribute());
            values.put(":s", AttributeValue.fromS(sortPrefix));
            condition += " AND begins_with(#s, :s)";
        }
        QueryRequest base = QueryRequest.builder()
                .tableName(tableName)
                .indexName(shape.index())
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .build();

        Map<String, AttributeValue> start = page.cursor() == null ? null
                : Cursor.startKey(page.cursor(), shape, partition, sortPrefix);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        do {
            // A response can stop short of the limit (1 MB per call): keep reading until the page plus one is full.
            QueryResponse response = client.query(base.toBuilder()
                    .limit(page.limit() + 1 - items.size())
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() <= page.limit());

        if (items.size() <= page.limit()) {
            return new Page<>(items.stream().map(mapper).toList(), null);
        }
        List<Map<String, AttributeValue>> shown = items.subList(0, page.limit());
        return new Page<>(shown.stream().map(mapper).toList(), Cursor.after(shown.get(shown.size() - 1), shape));
    }
}

package dev.refer.dynamodb.comms;

import dev.refer.core.comms.checkin.Leaderboard;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The month's revenue ranking: GSI3 (keys only), partition {@code PROGRAM#{pid}#REVENUE#{month}}, sort key
 * {@code gsi3sk} the partner's revenue that month, which the counters keep on each {@code STATS#{month}} item whose
 * revenue changed. Sparse: a partner without revenue that month is not in it.
 */
public final class DynamoDbLeaderboard implements Leaderboard {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbLeaderboard(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public List<Entry> highest(YearMonth month, int limit) {
        QueryResponse response = client.query(query(month).scanIndexForward(false).limit(limit).build());
        return response.items().stream().map(DynamoDbLeaderboard::entry).toList();
    }

    @Override
    public Totals totals(YearMonth month) {
        long partners = 0;
        long revenue = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = client.query(query(month).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
                Entry entry = entry(item);
                if (entry.revenueMinor() > 0) {
                    partners++;
                }
                revenue += entry.revenueMinor();
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Totals(partners, revenue);
    }

    private QueryRequest.Builder query(YearMonth month) {
        return QueryRequest.builder().tableName(table.tableName()).indexName(Keys.GSI3)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", Keys.GSI3PK))
                .expressionAttributeValues(Map.of(":p",
                        AttributeValue.fromS(Keys.revenueRanking(table.programId(), month))));
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(Keys.partnerOf(item),
                Long.parseLong(item.get(Keys.GSI3SK).n()));
    }
}

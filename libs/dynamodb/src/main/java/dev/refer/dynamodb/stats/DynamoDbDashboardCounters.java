package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.portal.DashboardCounters;
import dev.refer.core.stats.Counters;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's counters in two requests, issued together: one BatchGetItem of {@code STATS#ALL} and
 * {@code STATS#{month}}, and one Query of the partner's {@code CLICKS#} items (every month's roll-up: a few hundred bytes a month, so a 1 MB page
 * holds decades; further pages only past that). Nothing here grows with clicks, leads or sales.
 */
public final class DynamoDbDashboardCounters implements DashboardCounters {

    private static final String EPOCH = "epoch";
    /** Where the stats request waits for DynamoDB while the calling thread queries the roll-ups. */
    private static final java.util.concurrent.Executor ALONGSIDE =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbDashboardCounters(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Snapshot read(PartnerId partnerId, YearMonth month) {
        String pk = Keys.partnerPk(partnerId);
        String monthSk = Keys.statsMonth(month);
        // the stats items are read while the roll-ups are queried: one round trip less on the page's path
        java.util.concurrent.CompletableFuture<Map<String, Map<String, AttributeValue>>> statsRead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> stats(List.of(Keys.key(pk, Keys.STATS_ALL),
                        Keys.key(pk, monthSk))), ALONGSIDE);

        Map<String, Long> linkClicks = new HashMap<>();
        Map<String, Long> linkClicksMonth = new HashMap<>();
        long clicks = 0;
        long clicksMonth = 0;
        String monthPrefix = Keys.CLICKS_PREFIX + month;
        String linkPrefix = Keys.linkClicks("");
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = client.query(request -> request.tableName(table.tableName())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :clicks)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                            ":clicks", AttributeValue.fromS(Keys.CLICKS_PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = item.get(Keys.SK).s();
                boolean inThisMonth = sk.equals(monthPrefix) || sk.startsWith(monthPrefix + "#");
                AttributeValue total = item.get(Counters.CLICKS);
                if (total != null && total.n() != null) {
                    clicks += Long.parseLong(total.n());
                    if (inThisMonth) {
                        clicksMonth += Long.parseLong(total.n());
                    }
                }
                item.forEach((name, value) -> {
                    if (name.startsWith(linkPrefix) && value.n() != null) {
                        String code = name.substring(linkPrefix.length());
                        linkClicks.merge(code, Long.parseLong(value.n()), Long::sum);
                        if (inThisMonth) {
                            linkClicksMonth.merge(code, Long.parseLong(value.n()), Long::sum);
                        }
                    }
                });
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, Map<String, AttributeValue>> stats;
        try {
            stats = statsRead.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<String, Long> allTime = counters(stats.get(Keys.STATS_ALL));
        Map<String, Long> inMonth = counters(stats.get(monthSk));
        allTime.put(Counters.CLICKS, clicks);
        inMonth.put(Counters.CLICKS, clicksMonth);
        return new Snapshot(allTime, inMonth, linkClicks, linkClicksMonth);
    }

    /** Both stats items by sort key, in one BatchGetItem (eventually consistent; a retry for unprocessed keys). */
    private Map<String, Map<String, AttributeValue>> stats(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> remaining = keys;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            KeysAndAttributes ask = KeysAndAttributes.builder().keys(remaining).build();
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table.tableName(), ask)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(), List.of())) {
                found.put(item.get(Keys.SK).s(), item);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.tableName());
            remaining = unprocessed == null ? List.of() : unprocessed.keys();
            if (!remaining.isEmpty()) {
                if (attempt == 5) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed after 5 attempts");
                }
                Backoff.pause(attempt);
            }
        }
        return found;
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                // the ranking's copy of the revenue (GSI3) and a roll-up's epoch are not counters
                if (value.n() != null && !name.equals(Keys.GSI3SK) && !name.equals(EPOCH)) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
        }
        return counters;
    }
}

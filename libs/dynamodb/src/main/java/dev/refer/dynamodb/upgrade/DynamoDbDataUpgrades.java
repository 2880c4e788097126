package dev.refer.dynamodb.upgrade;

import dev.refer.core.upgrade.DataUpgrades;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's data version and the upgrades that move items from one version to the next. The version lives in one
 * item ({@code PROGRAM#{pid}} / {@code DATA_VERSION}: {@code version}, and while an upgrade is under way its
 * {@code cursor}, the scan's last evaluated key, saved after every page), so an upgrade cut short resumes where it
 * stood. A table without the item is at version 1, the shape before versions were kept. Each upgrade scans the table
 * for the items of the old shape (a filter, so only they are rewritten) and rewrites each with a condition that it
 * still has the old shape: racing a function's write or a second run, it changes nothing twice.
 */
public final class DynamoDbDataUpgrades implements DataUpgrades {

    /** One step of the item shapes: version - 1 to version. */
    interface Upgrade {
        int version();

        /** A scan filter that finds the items still in the old shape. */
        String filter();

        Map<String, String> names();

        Map<String, AttributeValue> values();

        /** Rewrites one item found by the filter; true when it wrote. */
        boolean upgrade(Map<String, AttributeValue> item);
    }

    static final String VERSION = "version";
    static final String CURSOR = "cursor";
    static final String UPGRADED = "upgraded";
    static final int DEFAULT_PAGE_SIZE = 500;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final List<Upgrade> upgrades;
    private final int pageSize;
    private final Clock clock;

    public DynamoDbDataUpgrades(DynamoDbClient client, TableConfig table) {
        this(client, table, List.of(new LeadGuardCopy(client, table)), DEFAULT_PAGE_SIZE, Clock.systemUTC());
    }

    public DynamoDbDataUpgrades(DynamoDbClient client, TableConfig table, List<Upgrade> upgrades, int pageSize, Clock clock) {
        this.client = client;
        this.table = table;
        this.upgrades = upgrades.stream().sorted(Comparator.comparingInt(Upgrade::version)).toList();
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /** The data version the code writes. */
    public int target() {
        return upgrades.isEmpty() ? 1 : upgrades.getLast().version();
    }

    @Override
    public Progress upgrade(Instant deadline) {
        Map<String, AttributeValue> state = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.dataVersion(table.programId())).consistentRead(true)).item();
        int version = state == null || !state.containsKey(VERSION) ? 1 : Attributes.integer(state, VERSION);
        Map<String, AttributeValue> cursor = state == null || !state.containsKey(CURSOR) ? null : state.get(CURSOR).m();
        long upgraded = 0;
        for (Upgrade step : upgrades) {
            if (step.version() <= version) {
                continue;
            }
            do {
                if (!clock.instant().isBefore(deadline)) {
                    save(version, cursor);
                    return new Progress(version, target(), false, upgraded);
                }
                Map<String, AttributeValue> from = cursor;
                ScanResponse page = client.scan(r -> {
                    r.tableName(table.tableName()).filterExpression(step.filter()).limit(pageSize)
                            .expressionAttributeNames(step.names()).expressionAttributeValues(step.values())
                            .consistentRead(true);
                    if (from != null) {
                        r.exclusiveStartKey(from);
                    }
                });
                for (Map<String, AttributeValue> item : page.items()) {
                    if (step.upgrade(item)) {
                        upgraded++;
                    }
                }
                cursor = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
                save(version, cursor);
            } while (cursor != null);
            version = step.version();
            save(version, null);
        }
        return new Progress(version, target(), true, upgraded);
    }

    private void save(int version, Map<String, AttributeValue> cursor) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.dataVersion(table.programId()));
        item.put(Keys.TYPE, AttributeValue.fromS(ItemType.DATA_VERSION.name()));
        item.put(VERSION, AttributeValue.fromN(Integer.toString(version)));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        if (cursor != null) {
            item.put(CURSOR, AttributeValue.fromM(cursor));
        }
        client.putItem(r -> r.tableName(table.tableName()).item(item));
    }
}

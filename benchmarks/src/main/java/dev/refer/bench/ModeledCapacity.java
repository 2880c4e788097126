package dev.refer.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The capacity units AWS bills for each call, computed from the items themselves by DynamoDB's published rules,
 * because DynamoDB Local's own report is wrong for transactions (it bills a multi-item transaction by its first item
 * only). Writes: each item written costs one unit per started KB of the larger of its size before and after the
 * write, twice that inside a transaction (where a condition check costs like a write of the item it checks); each
 * global secondary index the item is in (before or after) costs its
 * own write (two when the item's index key changes). Reads: one unit per started 4 KB of the items read (strongly
 * consistent), half that eventually consistent; a Query sums its items before rounding.
 *
 * <p>It reads each written item before and after the call on a separate client, so it slows the client it meters:
 * sections use it in a pass that is not timed.
 */
final class ModeledCapacity implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE =
            new ExecutionAttribute<>("bench.modeled.before");

    private record Index(String partitionKey, String sortKey) {
    }

    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
    private final DynamoDbClient probe;
    private final String table;
    private final List<Index> indexes = new ArrayList<>();
    private final List<String> keyNames = new ArrayList<>();

    /** @param definition the table's definition (key schema and indexes), as template.yaml creates it */
    ModeledCapacity(DynamoDbClient probe, String table, CreateTableRequest definition) {
        this.probe = probe;
        this.table = table;
        definition.keySchema().stream().map(KeySchemaElement::attributeName).forEach(keyNames::add);
        definition.globalSecondaryIndexes().forEach(index -> indexes.add(new Index(
                index.keySchema().get(0).attributeName(),
                index.keySchema().size() > 1 ? index.keySchema().get(1).attributeName() : null)));
    }

    void reset() {
        readUnits.reset();
        writeUnits.reset();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<Map<String, AttributeValue>> keys = writtenKeys(context.request());
        if (!keys.isEmpty()) {
            attributes.putAttribute(BEFORE, keys.stream().map(this::current).toList());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        List<Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
        if (before != null) {
            List<Map<String, AttributeValue>> keys = writtenKeys(request);
            int factor = request instanceof TransactWriteItemsRequest ? 2 : 1;
            for (int i = 0; i < keys.size(); i++) {
                Map<String, AttributeValue> after = current(keys.get(i));
                boolean check = request instanceof TransactWriteItemsRequest t
                        && t.transactItems().get(i).conditionCheck() != null;
                writeUnits.add(check ? factor * Math.max(1, Math.ceil(bytes(after) / 1024.0))
                        : writeUnits(before.get(i), after, factor));
            }
            return;
        }
        switch (context.response()) {
            // a read of an item that does not exist is billed like one of a small item
            case GetItemResponse r -> readUnits.add(readUnits(r.hasItem() ? bytes(r.item()) : 0,
                    ((GetItemRequest) request).consistentRead()));
            case BatchGetItemResponse r -> {
                BatchGetItemRequest batch = (BatchGetItemRequest) request;
                batch.requestItems().forEach((name, asked) -> {
                    boolean consistent = Boolean.TRUE.equals(asked.consistentRead());
                    var unprocessed = r.unprocessedKeys().get(name);
                    for (Map<String, AttributeValue> key : asked.keys()) {
                        if (unprocessed == null || !unprocessed.keys().contains(key)) {
                            // a projection returns part of each item; DynamoDB bills the whole item
                            readUnits.add(readUnits(bytes(current(key)), consistent));
                        }
                    }
                });
            }
            case QueryResponse r -> {
                long bytes = 0;
                for (Map<String, AttributeValue> item : r.items()) {
                    bytes += bytes(current(key(item)));
                }
                readUnits.add(r.items().isEmpty() ? 0.5 : readUnits(bytes, ((QueryRequest) request).consistentRead()));
            }
            default -> {
            }
        }
    }

    private double writeUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after, int factor) {
        long size = Math.max(bytes(before), bytes(after));
        double units = factor * Math.max(1, Math.ceil(size / 1024.0));
        for (Index index : indexes) {
            boolean wasIn = in(index, before);
            boolean isIn = in(index, after);
            if (wasIn && isIn && !sameIndexKey(index, before, after)) {
                units += Math.max(1, Math.ceil(bytes(before) / 1024.0)) + Math.max(1, Math.ceil(bytes(after) / 1024.0));
            } else if (wasIn || isIn) {
                units += Math.max(1, Math.ceil(size / 1024.0));
            }
        }
        return units;
    }

    private static double readUnits(long bytes, Boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return Boolean.TRUE.equals(consistent) ? units : units / 2;
    }

    private static boolean in(Index index, Map<String, AttributeValue> item) {
        return item != null && item.containsKey(index.partitionKey())
                && (index.sortKey() == null || item.containsKey(index.sortKey()));
    }

    private static boolean sameIndexKey(Index index, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return a.get(index.partitionKey()).equals(b.get(index.partitionKey()))
                && (index.sortKey() == null || a.get(index.sortKey()).equals(b.get(index.sortKey())));
    }

    private List<Map<String, AttributeValue>> writtenKeys(SdkRequest request) {
        return switch (request) {
            case PutItemRequest r -> List.of(key(r.item()));
            case UpdateItemRequest r -> List.of(r.key());
            case DeleteItemRequest r -> List.of(r.key());
            case TransactWriteItemsRequest r -> r.transactItems().stream()
                    .map(ModeledCapacity::transactKey).toList();
            default -> List.of();
        };
    }

    private Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(keyNames.get(0), item.get(keyNames.get(0)), keyNames.get(1), item.get(keyNames.get(1)));
    }

    private static Map<String, AttributeValue> transactKey(TransactWriteItem item) {
        if (item.put() != null) {
            return Map.of("pk", item.put().item().get("pk"), "sk", item.put().item().get("sk"));
        }
        if (item.conditionCheck() != null) {
            return item.conditionCheck().key();
        }
        return item.update() != null ? item.update().key() : item.delete().key();
    }

    private Map<String, AttributeValue> current(Map<String, AttributeValue> key) {
        GetItemResponse response = probe.getItem(r -> r.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    /** An item's size by DynamoDB's rules: attribute names and values, UTF-8. */
    static long bytes(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + bytes(attribute.getValue());
        }
        return size;
    }

    private static long bytes(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ModeledCapacity::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ModeledCapacity::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(v -> 1 + bytes(v)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + bytes(e.getValue()))
                    .sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** Numbers: about one byte per two significant digits, plus one. */
    private static long number(String n) {
        String digits = n.replace("-", "").replace(".", "").replaceFirst("^0+", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

package dev.refer.dynamodb.lite;

import dev.refer.core.link.SubIdSettings;
import dev.refer.table.TableKey;
import dev.refer.table.TableKeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The program's sub-id names for the redirect: one eventually consistent GetItem of {@code PROGRAM#{pid}} /
 * {@code SUBIDS} ({@link TableKeys#subIdSettings}), read as {@code dev.refer.dynamodb.link.DynamoDbSubIdSettings}
 * writes it: {@code parameters}, a list of strings; no item means none. The redirect asks through a per-environment
 * cache, and only for visits that carry a parameter that could be a sub-id.
 */
public final class LiteSubIdSettings implements Supplier<SubIdSettings> {

    private final LiteDynamoDb dynamoDb;
    private final String tableName;
    private final Map<String, AttributeValue> key;

    public LiteSubIdSettings(LiteDynamoDb dynamoDb, String tableName, String programId) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        TableKey settings = TableKeys.subIdSettings(programId);
        Map<String, AttributeValue> k = new LinkedHashMap<>(4);
        k.put(TableKeys.PK, AttributeValue.s(settings.pk()));
        k.put(TableKeys.SK, AttributeValue.s(settings.sk()));
        this.key = Map.copyOf(k);
    }

    @Override
    public SubIdSettings get() {
        return dynamoDb.getItem(tableName, key, false).map(LiteSubIdSettings::toSettings).orElse(SubIdSettings.NONE);
    }

    static SubIdSettings toSettings(Map<String, AttributeValue> item) {
        if (!(item.get("parameters") instanceof AttributeValue.L list)) {
            return SubIdSettings.NONE;
        }
        List<String> names = new ArrayList<>(list.value().size());
        for (AttributeValue value : list.value()) {
            if (value instanceof AttributeValue.S s) {
                names.add(s.value());
            }
        }
        return new SubIdSettings(names);
    }
}

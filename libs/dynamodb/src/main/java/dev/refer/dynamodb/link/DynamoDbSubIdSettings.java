package dev.refer.dynamodb.link;

import dev.refer.core.link.SubIdSettings;
import dev.refer.core.link.SubIdSettingsStore;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * {@code PROGRAM#{pid}} / {@code SUBIDS}: {@code parameters}, a list of the names (absent item: none). Its own small
 * item, not an attribute of {@code PROGRAM}, so the redirect's read of it stays a fraction of a read unit and a
 * program update (which replaces the whole program item) never touches it. The redirect reads the same item with
 * its lean client ({@code dev.refer.dynamodb.lite.LiteSubIdSettings}).
 */
public final class DynamoDbSubIdSettings implements SubIdSettingsStore {

    static final String PARAMETERS = "parameters";

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbSubIdSettings(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public SubIdSettings load() {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.subIdSettings(table.programId())).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return SubIdSettings.NONE;
        }
        List<String> names = Attributes.strings(item, PARAMETERS);
        return new SubIdSettings(names == null ? List.of() : names);
    }

    @Override
    public void save(SubIdSettings settings) {
        client.putItem(r -> r.tableName(table.tableName()).item(ItemBuilder.item(
                        Keys.subIdSettings(table.programId()), ItemType.SUBID_SETTINGS)
                .strings(PARAMETERS, settings.parameters()).build()));
    }
}

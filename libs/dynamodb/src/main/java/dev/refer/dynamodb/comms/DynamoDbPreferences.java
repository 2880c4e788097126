package dev.refer.dynamodb.comms;

import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A partner's mail preferences: {@code PARTNER#{id}} / {@code PREFS}, one attribute per topic set ({@code t:leads}
 * = {@code digest}) and {@code shoutOut}.
 */
public final class DynamoDbPreferences implements PreferencesRepository {

    private static final String TOPIC = "t:";

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbPreferences(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Preferences find(PartnerId partnerId) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.preferences(partnerId)).consistentRead(true));
        if (!response.hasItem()) {
            return Preferences.defaults(partnerId);
        }
        Map<Topic, Choice> choices = new EnumMap<>(Topic.class);
        response.item().forEach((name, value) -> {
            if (name.startsWith(TOPIC) && value.s() != null) {
                try {
                    choices.put(Topic.fromWire(name.substring(TOPIC.length())), Choice.fromWire(value.s()));
                } catch (IllegalArgumentException e) {
                    // a topic or choice this version does not know: its default
                }
            }
        });
        AttributeValue shoutOut = response.item().get("shoutOut");
        return new Preferences(partnerId, choices, shoutOut != null && Boolean.TRUE.equals(shoutOut.bool()));
    }

    @Override
    public void save(Preferences preferences, Instant at) {
        ItemBuilder item = ItemBuilder.item(Keys.preferences(preferences.partnerId()), ItemType.PREFERENCES)
                .s("partnerId", preferences.partnerId().value())
                .bool("shoutOut", preferences.shoutOut())
                .instant("updatedAt", at);
        preferences.choices().forEach((topic, choice) -> item.s(TOPIC + topic.wireName(), choice.wireName()));
        client.putItem(r -> r.tableName(table.tableName()).item(item.build()));
    }

    @Override
    public void optOut(PartnerId partnerId, Topic topic, Instant at) {
        client.updateItem(r -> r.tableName(table.tableName()).key(Keys.preferences(partnerId))
                .updateExpression("SET #t = :none, #type = :type, partnerId = :p, updatedAt = :at, "
                        + "shoutOut = if_not_exists(shoutOut, :false)")
                .expressionAttributeNames(Map.of("#t", TOPIC + topic.wireName(), "#type", Keys.TYPE))
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromS(Choice.NONE.wireName()),
                        ":type", AttributeValue.fromS(ItemType.PREFERENCES.name()),
                        ":p", AttributeValue.fromS(partnerId.value()),
                        ":at", AttributeValue.fromS(at.toString()),
                        ":false", AttributeValue.fromBool(false))));
    }
}

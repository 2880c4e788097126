package dev.refer.dynamodb.lite;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickRecorder;
import dev.refer.table.ItemType;
import dev.refer.table.TableKey;
import dev.refer.table.TableKeys;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a click with one unconditional PutItem (click ids are fresh random ULIDs), the item exactly as
 * {@code dev.refer.dynamodb.link.ClickMapper.toItem} writes it (docs/data-model.md): {@code CLICK#{clickId}} /
 * {@code CLICK} ({@link TableKeys#click}, the adapters' own key), {@code type}, {@code code}, {@code partnerId},
 * {@code campaign} only when there is one, {@code at} as {@link java.time.Instant#toString()} and {@code expiresAt}
 * (the TTL) as epoch seconds, {@code subIds} (a map of strings) only when the visit carried one. The click counter
 * reads {@code type}, {@code partnerId}, {@code code}, {@code at} and {@code subIds} from the stream's new image.
 */
public final class LiteClickRecorder implements ClickRecorder {

    private final LiteDynamoDb dynamoDb;
    private final String tableName;

    public LiteClickRecorder(LiteDynamoDb dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(Click click) {
        dynamoDb.putItem(tableName, toItem(click));
    }

    static Map<String, AttributeValue> toItem(Click click) {
        TableKey key = TableKeys.click(click.id().value());
        Map<String, AttributeValue> item = new LinkedHashMap<>(16);
        item.put(TableKeys.PK, AttributeValue.s(key.pk()));
        item.put(TableKeys.SK, AttributeValue.s(key.sk()));
        item.put(TableKeys.TYPE, AttributeValue.s(ItemType.CLICK.name()));
        item.put("code", AttributeValue.s(click.code().value()));
        item.put("partnerId", AttributeValue.s(click.partnerId().value()));
        if (click.campaign() != null) {
            item.put("campaign", AttributeValue.s(click.campaign()));
        }
        item.put("at", AttributeValue.s(IsoInstant.format(click.at()))); // = Instant.toString()
        item.put("expiresAt", AttributeValue.n(click.expiresAt().getEpochSecond()));
        if (!click.subIds().isEmpty()) {
            Map<String, AttributeValue> subIds = new LinkedHashMap<>(8);
            click.subIds().forEach((name, value) -> subIds.put(name, AttributeValue.s(value)));
            item.put("subIds", new AttributeValue.M(subIds));
        }
        return item;
    }
}

package dev.refer.dynamodb.link;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code CLICK#{clickId}} / {@code CLICK}: small on purpose (the redirect writes one per visit). {@code expiresAt} is
 * epoch seconds, the form DynamoDB's TTL reads; the click counter reads {@code partnerId}, {@code code} and
 * {@code at} from the stream image, and {@code subIds} (a map of the program's sub-id parameters to their bounded
 * values, absent when the visit carried none) for the per-sub-id funnel.
 */
public final class ClickMapper {

    private ClickMapper() {
    }

    public static Map<String, AttributeValue> toItem(Click click) {
        return ItemBuilder.item(Keys.click(click.id()), ItemType.CLICK)
                .s("code", click.code().value())
                .s("partnerId", click.partnerId().value())
                .s("campaign", click.campaign())
                .instant("at", click.at())
                .n("expiresAt", click.expiresAt().getEpochSecond())
                .map("subIds", subIdMap(click.subIds()))
                .build();
    }

    public static Click fromItem(Map<String, AttributeValue> item) {
        return new Click(new ClickId(TableKeys.clickIdOf(Attributes.string(item, Keys.PK))),
                new LinkCode(Attributes.string(item, "code")),
                new PartnerId(Attributes.string(item, "partnerId")),
                Attributes.optionalString(item, "campaign"),
                Attributes.instant(item, "at"),
                Instant.ofEpochSecond(Attributes.number(item, "expiresAt")),
                subIdsOf(Attributes.optionalMap(item, "subIds")));
    }

    /** Sub-id values as the map attribute a click (or an attribution) stores; null when there are none. */
    public static Map<String, AttributeValue> subIdMap(Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, AttributeValue.fromS(value)));
        return map;
    }

    /** The recorded sub-ids of a click image (the counters read them from the stream), in a stable order. */
    public static Map<String, String> subIdsOf(Map<String, AttributeValue> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new java.util.TreeMap<>();
        map.forEach((name, value) -> {
            if (value.s() != null) {
                values.put(name, value.s());
            }
        });
        return values;
    }
}

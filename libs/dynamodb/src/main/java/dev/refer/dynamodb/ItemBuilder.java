package dev.refer.dynamodb;

import dev.refer.core.basics.money.Money;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an item's attribute map; absent (null) values are left out, as DynamoDB has no null strings. */
public final class ItemBuilder {

    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();

    private ItemBuilder() {
    }

    public static ItemBuilder item(Map<String, AttributeValue> key, ItemType type) {
        ItemBuilder builder = new ItemBuilder();
        builder.attributes.putAll(key);
        builder.attributes.put(Keys.TYPE, AttributeValue.fromS(type.name()));
        return builder;
    }

    public static ItemBuilder map() {
        return new ItemBuilder();
    }

    public ItemBuilder s(String name, String value) {
        if (value != null) {
            attributes.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    public ItemBuilder n(String name, long value) {
        attributes.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    public ItemBuilder n(String name, Long value) {
        return value == null ? this : n(name, value.longValue());
    }

    public ItemBuilder b(String name, byte[] value) {
        attributes.put(name, AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(value)));
        return this;
    }

    public ItemBuilder bool(String name, boolean value) {
        attributes.put(name, AttributeValue.fromBool(value));
        return this;
    }

    public ItemBuilder instant(String name, Instant value) {
        return value == null ? this : s(name, value.toString());
    }

    /** Money as integer minor units next to its ISO-4217 code. */
    public ItemBuilder money(String amountName, String currencyName, Money value) {
        if (value != null) {
            n(amountName, value.minor());
            s(currencyName, value.currency().getCurrencyCode());
        }
        return this;
    }

    public ItemBuilder strings(String name, List<String> values) {
        attributes.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
        return this;
    }

    public ItemBuilder maps(String name, List<Map<String, AttributeValue>> values) {
        attributes.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromM).toList()));
        return this;
    }

    public ItemBuilder map(String name, Map<String, AttributeValue> value) {
        if (value != null) {
            attributes.put(name, AttributeValue.fromM(value));
        }
        return this;
    }

    public ItemBuilder gsi1(String pk, String sk) {
        return s(Keys.GSI1PK, pk).s(Keys.GSI1SK, sk);
    }

    public ItemBuilder gsi2(String pk, String sk) {
        return s(Keys.GSI2PK, pk).s(Keys.GSI2SK, sk);
    }

    public Map<String, AttributeValue> build() {
        return Map.copyOf(attributes);
    }
}

package dev.refer.dynamodb;

import dev.refer.core.basics.money.Money;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads attributes of a stored item. A required attribute that is missing means the item was not written by these
 * adapters (or the model changed without a migration): that fails loudly instead of inventing a value.
 */
public final class Attributes {

    private Attributes() {
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        String value = optionalString(item, name);
        if (value == null) {
            throw missing(item, name);
        }
        return value;
    }

    public static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        Long value = optionalNumber(item, name);
        if (value == null) {
            throw missing(item, name);
        }
        return value;
    }

    public static Long optionalNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    public static int integer(Map<String, AttributeValue> item, String name) {
        return Math.toIntExact(number(item, name));
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.bool() == null) {
            throw missing(item, name);
        }
        return value.bool();
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.parse(string(item, name));
    }

    public static Instant optionalInstant(Map<String, AttributeValue> item, String name) {
        String value = optionalString(item, name);
        return value == null ? null : Instant.parse(value);
    }

    public static Money money(Map<String, AttributeValue> item, String amountName, String currencyName) {
        return Money.of(number(item, amountName), string(item, currencyName));
    }

    public static Money optionalMoney(Map<String, AttributeValue> item, String amountName, String currencyName) {
        Long amount = optionalNumber(item, amountName);
        return amount == null ? null : Money.of(amount, string(item, currencyName));
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    public static Map<String, AttributeValue> optionalMap(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? null : value.m();
    }

    public static <E extends Enum<E>> E enumValue(Map<String, AttributeValue> item, String name, Class<E> type) {
        return Enum.valueOf(type, string(item, name));
    }

    private static IllegalStateException missing(Map<String, AttributeValue> item, String name) {
        // Named by type, not key: some keys hold an email address, which never goes into a log.
        AttributeValue type = item.get(Keys.TYPE);
        return new IllegalStateException("stored " + (type == null ? "map" : type.s() + " item")
                + " has no attribute " + name);
    }
}

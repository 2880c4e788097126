package dev.refer.dynamodb.lite;

import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkLookup;
import dev.refer.core.partner.PartnerId;
import dev.refer.table.TableKey;
import dev.refer.table.TableKeys;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a link with one eventually consistent GetItem of {@code LINK#{code}} / {@code LINK} (the key of
 * {@link TableKeys#link}, the adapters' own), and maps it exactly as
 * {@code dev.refer.dynamodb.link.LinkMapper.fromItem} does (docs/data-model.md): {@code code}, {@code partnerId},
 * {@code destination} and {@code createdAt} (ISO-8601) are required strings, {@code campaign} an optional one,
 * {@code enabled} and {@code partnerActive} required booleans. {@code createdAt} is read as {@code Instant.parse}
 * reads it ({@link IsoInstant}). A required attribute that is missing means the item
 * was not written by our adapters: that fails loudly instead of inventing a value.
 */
public final class LiteLinkLookup implements LinkLookup {

    private final LiteDynamoDb dynamoDb;
    private final String tableName;

    public LiteLinkLookup(LiteDynamoDb dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Link> find(LinkCode code) {
        TableKey link = TableKeys.link(code.value());
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(TableKeys.PK, AttributeValue.s(link.pk()));
        key.put(TableKeys.SK, AttributeValue.s(link.sk()));
        Optional<Map<String, AttributeValue>> item = dynamoDb.getItem(tableName, key, false);
        return item.isPresent() ? Optional.of(toLink(item.get())) : Optional.empty();
    }

    static Link toLink(Map<String, AttributeValue> item) {
        return new Link(new LinkCode(string(item, "code")),
                new PartnerId(string(item, "partnerId")),
                URI.create(string(item, "destination")),
                optionalString(item, "campaign"),
                bool(item, "enabled"),
                bool(item, "partnerActive"),
                IsoInstant.parse(string(item, "createdAt")));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        String value = optionalString(item, name);
        if (value == null) {
            throw missing(item, name);
        }
        return value;
    }

    /** The string, or null when the attribute is absent or not a string (as the SDK's {@code s()} answers). */
    private static String optionalString(Map<String, AttributeValue> item, String name) {
        return item.get(name) instanceof AttributeValue.S s ? s.value() : null;
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        if (item.get(name) instanceof AttributeValue.Bool b) {
            return b.value();
        }
        throw missing(item, name);
    }

    private static IllegalStateException missing(Map<String, AttributeValue> item, String name) {
        // Named by type, not key, as the SDK adapters do.
        String type = optionalString(item, TableKeys.TYPE);
        return new IllegalStateException("stored " + (type == null ? "map" : type + " item")
                + " has no attribute " + name);
    }
}

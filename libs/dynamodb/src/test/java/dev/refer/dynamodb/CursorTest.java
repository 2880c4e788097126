package dev.refer.dynamodb;

import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk", AttributeValue.fromS("LINK#abc"), "sk", AttributeValue.fromS("LINK"),
            "gsi1pk", AttributeValue.fromS("PARTNER#P#LINKS"), "gsi1sk", AttributeValue.fromS("2026#abc"),
            "destination", AttributeValue.fromS("https://example.com"));

    @Test
    void after_thenStartKey_whenSameListing_roundTripsTheKeyAttributesOnly() {
        String cursor = Cursor.after(ITEM, KeyShape.GSI1);

        Map<String, AttributeValue> key = Cursor.startKey(cursor, KeyShape.GSI1, "PARTNER#P#LINKS", null);

        assertEquals(4, key.size());
        assertEquals("2026#abc", key.get("gsi1sk").s());
        assertFalse(key.containsKey("destination"));
        assertFalse(cursor.contains("+") || cursor.contains("/") || cursor.contains("="), "URL-safe, unpadded");
    }

    @Test
    void startKey_whenGarbage_isInvalidCursor() {
        assertInvalid("not-base64!!");
        assertInvalid("AAAA");
        assertInvalid(Base64.getUrlEncoder().encodeToString("hello world".getBytes()));
    }

    @Test
    void startKey_whenFromAnotherPartition_isInvalidCursor() {
        String cursor = Cursor.after(ITEM, KeyShape.GSI1);

        Invalid invalid = assertThrows(Invalid.class,
                () -> Cursor.startKey(cursor, KeyShape.GSI1, "PARTNER#OTHER#LINKS", null));
        assertEquals("cursor", invalid.violations().get(0).field());
    }

    @Test
    void startKey_whenOtherKeyShapeOrSortPrefix_isInvalidCursor() {
        String gsiCursor = Cursor.after(ITEM, KeyShape.GSI1);
        String tableCursor = Cursor.after(ITEM, KeyShape.TABLE);

        assertThrows(Invalid.class, () -> Cursor.startKey(gsiCursor, KeyShape.TABLE, "LINK#abc", null));
        assertThrows(Invalid.class, () -> Cursor.startKey(tableCursor, KeyShape.TABLE, "LINK#abc", "COMMISSION#"));
    }

    private static void assertInvalid(String cursor) {
        Invalid invalid = assertThrows(Invalid.class, () -> Cursor.startKey(cursor, KeyShape.GSI1, "X", null));
        assertEquals("cursor", invalid.violations().get(0).field());
        assertEquals("is not a cursor this API returned", invalid.violations().get(0).rule());
    }
}

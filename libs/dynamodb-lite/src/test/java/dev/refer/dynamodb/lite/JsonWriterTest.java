package dev.refer.dynamodb.lite;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonWriterTest {

    private enum Status { ACTIVE }

    @Test
    void write_whenScalars_writesJsonLiterals() {
        assertEquals("null", JsonWriter.write(null));
        assertEquals("\"a\"", JsonWriter.write("a"));
        assertEquals("true", JsonWriter.write(true));
        assertEquals("false", JsonWriter.write(Boolean.FALSE));
        assertEquals("42", JsonWriter.write(42));
        assertEquals("-9223372036854775808", JsonWriter.write(Long.MIN_VALUE));
        assertEquals("7", JsonWriter.write((short) 7));
        assertEquals("7", JsonWriter.write((byte) 7));
        assertEquals("123456789012345678901234567890", JsonWriter.write(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.5", JsonWriter.write(1.5));
        assertEquals("-0.25", JsonWriter.write(-0.25f));
        assertEquals("1.0E20", JsonWriter.write(1e20));
        assertEquals("12.50", JsonWriter.write(new BigDecimal("12.50")));
        assertEquals("\"x\"", JsonWriter.write('x'));
        assertEquals("\"ACTIVE\"", JsonWriter.write(Status.ACTIVE));
        assertEquals("\"sb\"", JsonWriter.write(new StringBuilder("sb")));
    }

    @Test
    void write_whenNumberIsNotFinite_throws() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(Float.NEGATIVE_INFINITY)));
    }

    @Test
    void write_whenValueHasNoJsonForm_throws() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of("a", new Object())));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new java.util.concurrent.atomic.DoubleAdder()));
    }

    @Test
    void write_whenMapHasNullKey_throws() {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(null, 1);
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(map));
    }

    @Test
    void write_whenMap_writesEntriesInIterationOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", "two");
        map.put("m", List.of());
        assertEquals("{\"z\":1,\"a\":\"two\",\"m\":[]}", JsonWriter.write(map));
        assertEquals("{\"a\":1,\"b\":2}", JsonWriter.write(new TreeMap<>(Map.of("b", 2, "a", 1))));
        assertEquals("{}", JsonWriter.write(Map.of()));
    }

    @Test
    void write_whenMapKeyIsNotAString_writesItsText() {
        assertEquals("{\"1\":true}", JsonWriter.write(Map.of(1, true)));
    }

    @Test
    void write_whenMapValueIsNull_skipsTheEntry() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("first", null);
        map.put("a", 1);
        map.put("b", null);
        map.put("c", 3);
        map.put("last", null);
        assertEquals("{\"a\":1,\"c\":3}", JsonWriter.write(map));
        Map<String, Object> onlyNull = new LinkedHashMap<>();
        onlyNull.put("x", null);
        assertEquals("{}", JsonWriter.write(onlyNull));
        assertEquals("[{}]", JsonWriter.write(List.of(onlyNull)));
    }

    @Test
    void write_whenListHasNulls_writesNull() {
        assertEquals("[null,1,null]", JsonWriter.write(Arrays.asList(null, 1, null)));
        assertEquals("[\"a\",null]", JsonWriter.write(new Object[] {"a", null}));
    }

    @Test
    void write_whenNested_writesCompactJson() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", List.of(1, List.of(true, Map.of("deep", "x"))));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("set", new java.util.LinkedHashSet<>(List.of("s")));
        assertEquals("{\"inner\":{\"k\":[1,[true,{\"deep\":\"x\"}]]},\"set\":[\"s\"]}", JsonWriter.write(outer));
    }

    @Test
    void write_whenStringHasQuotesAndBackslashes_escapesThem() {
        assertEquals("\"a\\\"b\\\\c/d\"", JsonWriter.write("a\"b\\c/d"));
    }

    @Test
    void write_whenStringHasControlCharacters_escapesThem() {
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonWriter.write("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u0001\\u001F\\u000B\"", JsonWriter.write("\u0000\u0001\u001f\u000b"));
        assertEquals("\"\u007f\"", JsonWriter.write("\u007f"));
    }

    @Test
    void write_whenStringHasLineSeparators_escapesThem() {
        assertEquals("\"a\\u2028b\\u2029c\"", JsonWriter.write("a\u2028b\u2029c"));
    }

    @Test
    void write_whenStringHasNonAscii_writesItRaw() {
        assertEquals("\"Grüße 😀 €\"", JsonWriter.write("Grüße 😀 €"));
    }

    @Test
    void write_whenStringHasLoneSurrogates_escapesThem() {
        assertEquals("\"a\\uD800b\\uDC00\"", JsonWriter.write("a\uD800b\uDC00"));
        assertEquals("\"\\uD83D\"", JsonWriter.write("\uD83D"));
        assertEquals("\"\\uDE00\\uD83D\"", JsonWriter.write("\uDE00\uD83D"));
    }

    @Test
    void write_whenMapContainsItself_throwsInsteadOfOverflowingTheStack() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("self", map);
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(map));
        List<Object> list = new ArrayList<>();
        list.add(list);
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(list));
    }

    @Test
    void writeString_whenAppendingToABuilder_quotesAndEscapes() {
        StringBuilder out = new StringBuilder("x=");
        JsonWriter.writeString("a\"\n", out);
        assertEquals("x=\"a\\\"\\n\"", out.toString());
    }

    @Test
    void writeThenRead_whenNestedStructure_roundTrips() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Rue de l'Église 1\n\"Bâtiment B\"");
        address.put("codes", List.of(1, -2, 3_000_000_000L, Long.MAX_VALUE));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", "Ada \u2028 \uD83D\uDE00 \u0000 \\ / \t");
        document.put("lone", "\uD800x\uDFFF");
        document.put("ratio", 0.125);
        document.put("negativeExponent", -1.5e-10);
        document.put("active", true);
        document.put("inactive", false);
        document.put("tags", Arrays.asList("a", null, "c"));
        document.put("address", address);
        document.put("matrix", List.of(List.of(1, 2), List.of(), List.of(List.of(Map.of()))));
        document.put("empty", "");
        String json = JsonWriter.write(document);
        assertEquals(document, JsonReader.read(json));
        assertEquals(document, JsonReader.read(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(json, JsonWriter.write(JsonReader.read(json)));
    }

    @Test
    void writeThenRead_whenEveryControlCharacter_roundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uFFFF\uD800");
        String text = all.toString();
        assertEquals(text, JsonReader.read(JsonWriter.write(text).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writeThenRead_whenMapHasNullValues_readsThemAsAbsent() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", null);
        map.put("b", 2);
        assertEquals(Map.of("b", 2), JsonReader.read(JsonWriter.write(map)));
    }
}

package dev.refer.dynamodb.lite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {

    private static Object read(String json) {
        return JsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_whenObjectHoldsEveryValueType_returnsPlainJavaValues() {
        Object value = read("{\"s\":\"text\",\"i\":42,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,\"x\",null],\"o\":{\"k\":\"v\"}}");
        Map<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals("text", map.get("s"));
        assertEquals(42, map.get("i"));
        assertEquals(1.5, map.get("d"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertEquals(Boolean.FALSE, map.get("f"));
        assertTrue(map.containsKey("n"));
        assertNull(map.get("n"));
        assertEquals(Arrays.asList(1, "x", null), map.get("a"));
        assertInstanceOf(ArrayList.class, map.get("a"));
        assertEquals(Map.of("k", "v"), map.get("o"));
    }

    @Test
    void read_whenObjectHasManyKeys_keepsDocumentOrder() {
        Map<?, ?> map = (Map<?, ?>) read("{\"z\":1,\"a\":2,\"m\":3,\"b\":4}");
        assertEquals(List.of("z", "a", "m", "b"), new ArrayList<>(map.keySet()));
    }

    @Test
    void read_whenObjectIsParsed_isMutable() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) read("{\"a\":[1]}");
        map.put("b", 2);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) map.get("a");
        list.add(3);
        assertEquals(2, map.size());
    }

    @Test
    void read_whenTopLevelIsAScalar_returnsIt() {
        assertEquals("hi", read("\"hi\""));
        assertEquals(7, read("7"));
        assertEquals(Boolean.TRUE, read("true"));
        assertNull(read("null"));
        assertEquals(List.of(), read("[]"));
        assertEquals(Map.of(), read("{}"));
    }

    @Test
    void read_whenIntegerFitsAnInt_returnsInteger() {
        assertEquals(Integer.valueOf(0), read("0"));
        assertEquals(Integer.valueOf(0), read("-0"));
        assertEquals(Integer.valueOf(-12), read("-12"));
        assertEquals(Integer.valueOf(Integer.MAX_VALUE), read("2147483647"));
        assertEquals(Integer.valueOf(Integer.MIN_VALUE), read("-2147483648"));
    }

    @Test
    void read_whenIntegerIsBeyondIntButWithinLong_returnsLong() {
        assertEquals(Long.valueOf(2147483648L), read("2147483648"));
        assertEquals(Long.valueOf(Long.MAX_VALUE), read("9223372036854775807"));
        assertEquals(Long.valueOf(Long.MIN_VALUE), read("-9223372036854775808"));
        assertEquals(Long.valueOf(123456789012345678L), read("123456789012345678"));
    }

    @Test
    void read_whenIntegerIsBeyondLong_returnsBigDecimalThatIsNotAWholeNumberType() {
        Object big = read("9223372036854775808");
        assertEquals(new BigDecimal("9223372036854775808"), big);
        assertFalse(big instanceof Integer || big instanceof Long);
        assertEquals(new BigDecimal("-123456789012345678901234567890"), read("-123456789012345678901234567890"));
    }

    @Test
    void read_whenNumberHasFractionOrExponent_returnsDouble() {
        assertEquals(1.5, read("1.5"));
        assertEquals(-0.25, read("-0.25"));
        assertEquals(1.0, read("1.0"));
        assertEquals(100.0, read("1e2"));
        assertEquals(100.0, read("1E+2"));
        assertEquals(0.01, read("1e-2"));
        assertEquals(-1250.0, read("-1.25E3"));
        assertEquals(0.0, read("0e0"));
        Object whole = read("2.0");
        assertFalse(whole instanceof Integer || whole instanceof Long, "2.0 is not a whole number on the wire");
    }

    @Test
    void read_whenDoubleOverflows_returnsExactBigDecimal() {
        assertEquals(new BigDecimal("1e400"), read("1e400"));
    }

    @Test
    void read_whenStringHasEscapes_decodesThem() {
        assertEquals("\" \\ / \b \f \n \r \t", read("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
        assertEquals("é€A", read("\"\\u00e9\\u20AC\\u0041\""));
        assertEquals("\u0000", read("\"\\u0000\""));
    }

    @Test
    void read_whenStringHasSurrogatePairEscape_decodesTheCodePoint() {
        String text = (String) read("\"\\ud83d\\ude00\"");
        assertEquals("😀", text);
        assertEquals(0x1F600, text.codePointAt(0));
    }

    @Test
    void read_whenStringHasLoneSurrogateEscape_keepsIt() {
        assertEquals("a\uD800b", read("\"a\\uD800b\""));
        assertEquals("\uDC00", read("\"\\udc00\""));
    }

    @Test
    void read_whenStringHasRawUnicode_keepsIt() {
        assertEquals("Grüße 😀 日本", read("\"Grüße 😀 日本\""));
        assertEquals("\u2028", read("\"\u2028\""));
    }

    @Test
    void read_whenWhitespaceSurroundsTokens_ignoresIt() {
        Object value = read(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] ,\r\n \"b\" : { } } \n");
        assertEquals(Map.of("a", List.of(1, 2), "b", Map.of()), value);
    }

    @Test
    void read_whenNestedDeeply_returnsTheStructure() {
        Object value = read("{\"a\":[{\"b\":[[{\"c\":null,\"d\":[true]}]]}],\"e\":{\"f\":{\"g\":-1e-1}}}");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("c", null);
        c.put("d", List.of(true));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(Map.of("b", List.of(List.of(c)))));
        expected.put("e", Map.of("f", Map.of("g", -0.1)));
        assertEquals(expected, value);
    }

    @Test
    void read_whenStringInput_parsesLikeBytes() {
        assertEquals(Map.of("a", "é"), JsonReader.read("{\"a\":\"é\"}"));
    }

    @Test
    void read_whenNestingIsAtTheLimit_parses() {
        String json = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertInstanceOf(List.class, read(json));
        String objects = "{\"a\":".repeat(JsonReader.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonReader.MAX_DEPTH - 1);
        assertInstanceOf(Map.class, read(objects));
    }

    @Test
    void read_whenNestingExceedsTheLimit_throws() {
        String json = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        JsonReader.JsonSyntaxException e = assertThrows(JsonReader.JsonSyntaxException.class, () -> read(json));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }

    @Test
    void read_whenNestingIsHostile_throwsWithoutStackOverflow() {
        assertThrows(JsonReader.JsonSyntaxException.class, () -> read("[".repeat(1_000_000)));
        assertThrows(JsonReader.JsonSyntaxException.class, () -> read("{\"a\":".repeat(200_000)));
    }

    @Test
    void read_whenKeyIsDuplicated_throws() {
        JsonReader.JsonSyntaxException e = assertThrows(JsonReader.JsonSyntaxException.class,
                () -> read("{\"a\":1,\"b\":2,\"a\":3}"));
        assertTrue(e.getMessage().contains("duplicate key \"a\""), e.getMessage());
        assertThrows(JsonReader.JsonSyntaxException.class, () -> read("{\"a\":1,\"\\u0061\":1}"));
    }

    @Test
    void read_whenSyntaxErrorIsFound_reportsTheOffset() {
        JsonReader.JsonSyntaxException e = assertThrows(JsonReader.JsonSyntaxException.class,
                () -> read("{\"a\":1,}"));
        assertEquals(7, e.offset());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // empty input
            "", " ", "\n\t",
            // trailing garbage
            "{} x", "{}{}", "1 2", "\"a\"\"b\"", "[1]]", "{}}", "truex", "nullnull", "{}/",
            // unterminated
            "\"abc", "\"abc\\\"", "\"\\", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "[1,", "[1", "\"\\u12",
            // control characters in strings
            "\"a\nb\"", "\"a\tb\"", "\"\u0000\"", "\"\u001f\"", "\"\r\"",
            // invalid escapes
            "\"\\x\"", "\"\\'\"", "\"\\a\"", "\"\\U0041\"", "\"\\u00G0\"", "\"\\u+123\"", "\"\\u-123\"",
            "\"\\u١٢٣٤\"", "\"\\0\"", "\"\\\n\"",
            // leading zeros and other bad numbers
            "01", "00", "-01", "[007]", "+1", "-", "--1", ".5", "1.", "1.e5", "1e", "1e+", "1E-", "0x10", "1_000",
            "-.5", "- 1", "1.5.5", "1ee5",
            // NaN, Infinity and other bare words
            "NaN", "Infinity", "-Infinity", "[NaN]", "undefined", "True", "FALSE", "nul", "tru", "None",
            // trailing commas
            "[1,]", "{\"a\":1,}", "[,]", "[,1]", "{,}", "[1,,2]",
            // comments
            "// c\n{}", "/* c */ {}", "{} // c", "[1 /* c */]", "# c\n{}",
            // other structure errors
            "{\"a\" 1}", "{\"a\"::1}", "{a:1}", "{'a':1}", "['a']", "{1:1}", "{\"a\":1 \"b\":2}", "[1 2]", "]",
            "}", ":", ",", "{\"a\"}", "{null:1}",
            // whitespace JSON does not allow
            "\u00a0{}", "{}\u00a0", "\u000b1", "\f1", "\u2028{}"
    })
    void read_whenTextIsMalformed_throws(String json) {
        assertThrows(JsonReader.JsonSyntaxException.class, () -> read(json));
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.read(json));
    }

    @Test
    void read_whenBytesAreNotUtf8_throws() {
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.read(new byte[] {'"', (byte) 0xC3, '"'}));
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.read(new byte[] {'"', (byte) 0xFF, '"'}));
        // an encoded surrogate (CESU-8) is not UTF-8
        assertThrows(JsonReader.JsonSyntaxException.class,
                () -> JsonReader.read(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
    }

    @Test
    void read_whenBytesStartWithABom_throws() {
        assertThrows(JsonReader.JsonSyntaxException.class,
                () -> JsonReader.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
    }

    @Test
    void read_whenInputIsNull_throws() {
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.read((byte[]) null));
        assertThrows(JsonReader.JsonSyntaxException.class, () -> JsonReader.read((String) null));
    }

    @Test
    void readObject_whenTextIsAnObject_returnsIt() {
        assertEquals(Map.of("a", 1), JsonReader.readObject("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readObject_whenTextIsNotAnObject_throws() {
        assertThrows(JsonReader.JsonSyntaxException.class,
                () -> JsonReader.readObject("[1]".getBytes(StandardCharsets.UTF_8)));
    }
}

package dev.refer.dynamodb.lite;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict RFC 8259 JSON reader: the whole text becomes plain Java values, with no other library to load.
 *
 * <p>Values: an object is a mutable {@link LinkedHashMap} (keys in document order), an array a mutable
 * {@link ArrayList}, a string a {@link String}, {@code true}/{@code false} a {@link Boolean}, {@code null} is
 * {@code null}. A number without fraction or exponent is an {@link Integer} when it fits in an int, else a
 * {@link Long} when it fits in a long (as jackson-jr read them, so {@code instanceof Integer || instanceof Long} is
 * "a whole number"), else a {@link BigDecimal}. A number with a fraction or an exponent is a {@link Double}, or a
 * {@link BigDecimal} when it is beyond the range of a double.
 *
 * <p>Strict: exactly one value surrounded by optional whitespace (space, tab, CR, LF); no comments, trailing commas,
 * single quotes, unquoted keys, leading zeros, {@code +1}, {@code .5}, {@code 1.}, NaN or Infinity; no raw control
 * characters (below U+0020) in strings and only the escapes of RFC 8259; bytes must be well-formed UTF-8 (no BOM).
 * An escaped lone surrogate ({@code "\ud800"}) is accepted and kept as is. <b>A duplicate key in an object is
 * rejected</b>: two readers of the same text must not see different values. Nesting deeper than {@value #MAX_DEPTH}
 * arrays/objects is rejected, so hostile input cannot exhaust the stack. Every violation is a
 * {@link JsonSyntaxException} naming the offset where it was found.
 */
public final class JsonReader {

    /** The deepest nesting of arrays and objects accepted: {@code [[...]]} with 64 brackets passes, 65 fails. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private final int length;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Parses UTF-8 encoded JSON text. */
    public static Object read(byte[] utf8) {
        if (utf8 == null) {
            throw new JsonSyntaxException("no JSON text", 0);
        }
        return read(decode(utf8));
    }

    /** Parses JSON text. */
    public static Object read(String text) {
        if (text == null) {
            throw new JsonSyntaxException("no JSON text", 0);
        }
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        if (reader.pos == reader.length) {
            throw new JsonSyntaxException("empty JSON text", 0);
        }
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != reader.length) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** Parses a JSON text that must be an object. */
    public static Map<String, Object> readObject(byte[] utf8) {
        Object value = read(utf8);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        }
        throw new JsonSyntaxException("the JSON text is not an object", 0);
    }

    private static String decode(byte[] utf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonSyntaxException("the JSON text is not well-formed UTF-8", 0);
        }
    }

    private Object value() {
        if (pos >= length) {
            throw error("unexpected end of the JSON text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character " + describe(c));
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw error("expected ':' after a key");
            }
            pos++;
            skipWhitespace();
            Object value = value();
            if (map.containsKey(key)) {
                throw new JsonSyntaxException("duplicate key \"" + key + "\"", keyAt);
            }
            map.put(key, value);
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() {
        pos++; // opening quote
        int start = pos;
        // fast path: no escapes
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= length) {
                break;
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append(hex4(pos + 2));
                    pos += 4;
                }
                default -> throw error("invalid escape \\" + describe(e));
            }
            pos += 2;
        }
        throw new JsonSyntaxException("unterminated string", start - 1);
    }

    private char hex4(int at) {
        if (at + 4 > length) {
            throw new JsonSyntaxException("truncated \\u escape", at - 2);
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            // Character.digit accepts non-ASCII digits; JSON allows 0-9 a-f A-F only
            if (digit < 0 || text.charAt(i) > 'f') {
                throw new JsonSyntaxException("invalid \\u escape", at - 2);
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        char first = peek();
        if (first == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(first)) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        char e = peek();
        if (e == 'e' || e == 'E') {
            integral = false;
            pos++;
            char sign = peek();
            if (sign == '+' || sign == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        if (integral) {
            if (pos - start <= 18) { // at most 18 characters: always within long range
                long value = Long.parseLong(literal);
                return value == (int) value ? (Object) (int) value : (Object) value;
            }
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException beyondLong) {
                return new BigDecimal(literal);
            }
        }
        double value = Double.parseDouble(literal);
        return Double.isInfinite(value) ? new BigDecimal(literal) : (Object) value;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character " + describe(text.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** The current character, or 0 at the end (0 is never valid where peek is used). */
    private char peek() {
        return pos < length ? text.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(pos >= length ? "unexpected end of the JSON text" : message, pos);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** The text is not valid JSON (or is nested too deeply); {@link #offset()} is where the reader stopped. */
    public static final class JsonSyntaxException extends RuntimeException {

        private final int offset;

        public JsonSyntaxException(String message, int offset) {
            super(message + " at offset " + offset, null, false, false);
            this.offset = offset;
        }

        /** The character offset (in the decoded text) of the error. */
        public int offset() {
            return offset;
        }
    }
}

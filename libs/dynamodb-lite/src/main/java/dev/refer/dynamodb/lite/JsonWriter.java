package dev.refer.dynamodb.lite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small JSON writer for plain Java values, compact (no whitespace) and deterministic: map entries in the map's
 * iteration order.
 *
 * <p>Writes: {@link Map} as an object (keys with {@link String#valueOf}; <b>entries whose value is null are left
 * out</b>, as jackson-jr did and as the OpenAPI document and the API answers rely on), {@link Iterable} and
 * {@code Object[]} as arrays (a null element is {@code null}), {@link CharSequence}, {@link Character} and enums
 * ({@code toString()}) as strings, {@link Boolean}, integral numbers ({@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, {@link BigInteger}, atomic integers) and finite {@link Double}, {@link Float} and {@link BigDecimal}.
 * A top-level null is {@code null}. Anything else, a NaN or infinite number, a null key or nesting deeper than
 * {@value #MAX_DEPTH} levels (a cycle) is an {@link IllegalArgumentException}.
 *
 * <p>Strings escape {@code "} and {@code \}, control characters below U+0020 ({@code \n \r \t \b \f}, others as
 * {@code \}{@code u00XX}), U+2028 and U+2029 (line separators to JavaScript) and lone surrogates, so the output is
 * always well-formed UTF-8 once encoded and reads back to the same strings.
 */
public final class JsonWriter {

    /** The deepest nesting written; deeper is almost certainly a map or list that contains itself. */
    public static final int MAX_DEPTH = 512;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    /** Appends the JSON text of {@code value} to {@code out}. */
    public static void write(Object value, StringBuilder out) {
        value(value, out, 0);
    }

    /** Appends {@code text} as a JSON string, quotes included. */
    public static void writeString(CharSequence text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        int plain = 0; // start of the run of characters that need no escape
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String escape = null;
            if (c < 0x20 || c == '"' || c == '\\') {
                escape = switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> unicodeEscape(c);
                };
            } else if (c == '\u2028' || c == '\u2029') {
                escape = unicodeEscape(c);
            } else if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    i++; // a well-formed pair is written as is
                } else {
                    escape = unicodeEscape(c);
                }
            }
            if (escape != null) {
                out.append(text, plain, i).append(escape);
                plain = i + 1;
            }
        }
        out.append(text, plain, length).append('"');
    }

    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF], HEX[c & 0xF]});
    }

    private static void value(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            writeString(text, out);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Number number) {
            number(number, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, depth + 1);
        } else if (value instanceof Iterable<?> iterable) {
            array(iterable, out, depth + 1);
        } else if (value instanceof Object[] array) {
            array(java.util.Arrays.asList(array), out, depth + 1);
        } else if (value instanceof Character || value instanceof Enum<?>) {
            writeString(value.toString(), out);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int depth) {
        checkDepth(depth);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("cannot write a null key as JSON");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(String.valueOf(entry.getKey()), out);
            out.append(':');
            value(value, out, depth);
        }
        out.append('}');
    }

    private static void array(Iterable<?> items, StringBuilder out, int depth) {
        checkDepth(depth);
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(item, out, depth);
        }
        out.append(']');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + MAX_DEPTH
                    + " levels (does a map or list contain itself?)");
        }
    }

    private static void number(Number number, StringBuilder out) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger || number instanceof AtomicInteger || number instanceof AtomicLong) {
            out.append(number.toString());
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot write " + number + " as JSON");
            }
            out.append(number.toString());
        } else if (number instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else {
            throw new IllegalArgumentException("cannot write a " + number.getClass().getName() + " as JSON");
        }
    }
}

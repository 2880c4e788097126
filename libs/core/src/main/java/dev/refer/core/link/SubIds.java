package dev.refer.core.link;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sub-id values a click recorded: parameter name to value, in the program's order of names. A value is the
 * first one the visit sent under the name, cut to {@value #MAX_VALUE_LENGTH} characters, with anything but printable
 * ASCII percent-encoded (UTF-8) first, so a value is short, printable and the same text in every report; an empty
 * value is not recorded. The parameter itself still passes through to the destination unchanged.
 */
public final class SubIds {

    public static final int MAX_VALUE_LENGTH = 64;

    private SubIds() {
    }

    /** The visit's values of the program's sub-id parameters; empty when it names none or the visit carries none. */
    public static Map<String, String> of(SubIdSettings settings, VisitQuery visit) {
        if (settings.parameters().isEmpty() || visit.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = null;
        for (String name : settings.parameters()) {
            String value = visit.first(name);
            String recorded = value == null ? null : bounded(value);
            if (recorded != null) {
                if (values == null) {
                    values = new LinkedHashMap<>(settings.parameters().size() * 2);
                }
                values.put(name, recorded);
            }
        }
        return values == null ? Map.of() : Collections.unmodifiableMap(values);
    }

    /** A value as recorded: printable ASCII kept, the rest {@code %XX} (UTF-8), cut between characters; null if empty. */
    public static String bounded(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            String piece;
            if (cp >= 0x20 && cp < 0x7f && cp != '%') {
                piece = String.valueOf((char) cp);
            } else {
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                StringBuilder escaped = new StringBuilder(utf8.length * 3);
                for (byte b : utf8) {
                    escaped.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                piece = escaped.toString();
            }
            if (out.length() + piece.length() > MAX_VALUE_LENGTH) {
                break;
            }
            out.append(piece);
            i += width;
        }
        String recorded = out.toString().strip();
        return recorded.isEmpty() ? null : recorded;
    }
}

package dev.refer.mail;

import java.util.regex.Pattern;

/**
 * What a visitor typed into the public lead form (a name, a company), as our emails show it: on one line, capped,
 * defanged so no mail client turns it into a link, and quoted as what the form said. The form is open to anyone, so
 * without this a visitor could put a link ("Your invoice: www.evil.example/login") into an email our sender sends to
 * sales and to partners. Defanged the way security teams write indicators: {@code hxxp[:]//}, {@code evil[.]example},
 * {@code someone[@]evil.example}; the reader can still tell what was typed. Used for the HTML part and the text part
 * alike (the HTML templates escape it on top).
 */
public final class FormText {

    /** The most of a typed value an email shows (a name or a company, defanged); longer ones end in "…". */
    public static final int LIMIT = 80;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** {@code http://}, {@code https://}, {@code ftp://}, any scheme with {@code //}, and {@code mailto:}. */
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*):(?=//)|\\b(mailto):");
    /** A dot (or a full-width or ideographic one) between two letters or digits: host names, "www.", IPs. */
    private static final Pattern DOT =
            Pattern.compile("(?<=[\\p{L}\\p{N}_-])[.\\uFF0E\\u3002\\uFF61](?=[\\p{L}\\p{N}_-])");
    private static final Pattern AT = Pattern.compile("(?<=[\\p{L}\\p{N}._%+-])[@\\uFF20](?=[\\p{L}\\p{N}])");

    private FormText() {
    }

    /** The value defanged and capped, without quotes; "" for nothing typed. */
    public static String defanged(String typed) {
        if (typed == null) {
            return "";
        }
        String text = SPACES.matcher(INVISIBLE.matcher(typed).replaceAll(" ")).replaceAll(" ").strip();
        text = SCHEME.matcher(text).replaceAll(m -> (m.group(1) != null ? m.group(1) : m.group(2))
                .replaceFirst("(?i)^http", "hxxp") + "[:]");
        text = DOT.matcher(text).replaceAll("[.]");
        text = AT.matcher(text).replaceAll("[@]");
        if (text.codePointCount(0, text.length()) > LIMIT) {
            text = text.substring(0, text.offsetByCodePoints(0, LIMIT - 1)).strip() + "…";
        }
        return text;
    }

    /** The value as the form said it: defanged, capped and in quotation marks ("" for nothing typed). */
    public static String quoted(String typed) {
        String text = defanged(typed);
        return text.isEmpty() ? "" : "“" + text + "”";
    }
}

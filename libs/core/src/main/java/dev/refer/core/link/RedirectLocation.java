package dev.refer.core.link;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the redirect's Location: the stored destination (its own query kept, a {@code ref} or {@code rid} in it
 * removed), then every parameter of the visit, then {@code ref=<code>} and {@code rid=<click id>}; the fragment stays
 * last.
 *
 * <p>The visit's parameters pass through in the order sent, repeated names included, except:
 * <ul>
 *   <li>{@code ref} and {@code rid} in any letter case: ours are the truth for attribution, a visitor's own are
 *       dropped, never forwarded;</li>
 *   <li>a name the destination's query sets already: the stored destination wins (as it did for UTM tags);</li>
 *   <li>what does not fit: the whole Location stays within {@value #MAX_LENGTH} characters. Parameters are taken in
 *       order until the next one would pass the cap; it and every one after it are dropped whole, never cut inside a
 *       value, and {@code ref} and {@code rid} always fit (their room is kept first).</li>
 * </ul>
 * Every forwarded name and value is decoded and encoded again as {@code application/x-www-form-urlencoded}: only
 * letters, digits, {@code . - * _ +} and {@code %XX} escapes come out, so CR, LF, {@code #}, {@code &}, {@code =} and
 * non-ASCII text sent by a visitor cannot split the header, start a fragment, forge another parameter or reach the
 * destination as raw bytes.
 */
public final class RedirectLocation {

    /**
     * The cap on the whole Location. 4,096 characters keeps the redirect well inside the 8 KB request line that
     * common web servers accept (nginx, Apache) and every browser, while a destination of the longest allowed
     * ({@code DestinationPolicy.MAX_LENGTH}, 2,048) still leaves room for ad click ids and sub-ids.
     */
    public static final int MAX_LENGTH = 4096;

    private RedirectLocation() {
    }

    public static String build(URI destination, LinkCode code, ClickId clickId, Map<String, String> incomingQuery) {
        return build(destination, code, clickId, VisitQuery.of(incomingQuery));
    }

    public static String build(URI destination, LinkCode code, ClickId clickId, VisitQuery visit) {
        String text = destination.toString();
        String fragment = "";
        int hash = text.indexOf('#');
        if (hash >= 0) {
            fragment = text.substring(hash);
            text = text.substring(0, hash);
        }
        String existingQuery = destination.getRawQuery();
        String base = removeParameters(text, existingQuery);
        StringBuilder ours = new StringBuilder(48);
        append(ours, "ref", code.value());
        if (clickId != null) {
            ours.append('&');
            append(ours, "rid", clickId.value());
        }
        boolean open = base.indexOf('?') < 0;
        boolean ended = !open && (base.endsWith("?") || base.endsWith("&"));
        StringBuilder url = new StringBuilder(Math.min(MAX_LENGTH, base.length() + 128 + fragment.length()));
        url.append(base);
        if (open) {
            url.append('?');
        } else if (!ended) {
            url.append('&');
        }
        int room = MAX_LENGTH - url.length() - ours.length() - fragment.length();
        for (VisitQuery.Parameter parameter : visit.parameters()) {
            String name = parameter.name();
            if (name.equalsIgnoreCase("ref") || name.equalsIgnoreCase("rid") || hasParameter(existingQuery, name)) {
                continue;
            }
            int before = url.length();
            append(url, name, parameter.value());
            url.append('&');
            int used = url.length() - before;
            if (used > room) {
                url.setLength(before); // this one and every later one are dropped whole
                break;
            }
            room -= used;
        }
        return url.append(ours).append(fragment).toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        url.append(URLEncoder.encode(name, StandardCharsets.UTF_8));
        if (value != null) {
            url.append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** A destination that already carries ref or rid loses them: ours are the truth for attribution. */
    private static String removeParameters(String url, String rawQuery) {
        if (rawQuery == null || !(hasParameter(rawQuery, "ref") || hasParameter(rawQuery, "rid"))) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!name.equals("ref") && !name.equals("rid") && !pair.isEmpty()) {
                kept.append(kept.isEmpty() ? "" : "&").append(pair);
            }
        }
        String base = url.substring(0, url.indexOf('?'));
        return kept.isEmpty() ? base : base + "?" + kept;
    }

    /**
     * Whether the destination's own (raw) query names {@code name} (compared decoded). Scans in place: the hot path
     * asks once per forwarded parameter, and a split would allocate each time.
     */
    private static boolean hasParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return false;
        }
        int from = 0;
        while (from <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', from);
            int end = amp < 0 ? rawQuery.length() : amp;
            int eq = rawQuery.indexOf('=', from);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            int length = nameEnd - from;
            if (length == name.length() && rawQuery.regionMatches(from, name, 0, length)) {
                return true;
            }
            if (length > 0 && needsDecoding(rawQuery, from, nameEnd)
                    && name.equals(decode(rawQuery.substring(from, nameEnd)))) {
                return true;
            }
            if (amp < 0) {
                return false;
            }
            from = amp + 1;
        }
        return false;
    }

    private static boolean needsDecoding(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}

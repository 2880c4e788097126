package dev.refer.core.link;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the redirect's Location: the stored destination with {@code ref=<code>} and {@code rid=<click id>} added,
 * its own query parameters (UTM tags included) kept, and UTM tags from the short link's URL carried over unless the
 * destination sets them itself. The fragment stays last.
 */
public final class RedirectLocation {

    private RedirectLocation() {
    }

    public static String build(URI destination, LinkCode code, ClickId clickId, Map<String, String> incomingQuery) {
        String text = destination.toString();
        String fragment = "";
        int hash = text.indexOf('#');
        if (hash >= 0) {
            fragment = text.substring(hash);
            text = text.substring(0, hash);
        }
        String existingQuery = destination.getRawQuery();
        Map<String, String> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : incomingQuery.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("utm_") && name.length() <= 64 && !hasParameter(existingQuery, name)) {
                added.put(name, e.getValue());
            }
        }
        StringBuilder url = new StringBuilder(text.length() + 64);
        url.append(removeParameters(text, existingQuery));
        char separator = url.indexOf("?") >= 0 ? '&' : '?';
        if (url.charAt(url.length() - 1) == '?' || url.charAt(url.length() - 1) == '&') {
            separator = 0;
        }
        for (Map.Entry<String, String> e : added.entrySet()) {
            separator = append(url, separator, e.getKey(), e.getValue());
        }
        separator = append(url, separator, "ref", code.value());
        if (clickId != null) {
            append(url, separator, "rid", clickId.value());
        }
        return url.append(fragment).toString();
    }

    private static char append(StringBuilder url, char separator, String name, String value) {
        if (separator != 0) {
            url.append(separator);
        }
        url.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return '&';
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

    private static boolean hasParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }
}

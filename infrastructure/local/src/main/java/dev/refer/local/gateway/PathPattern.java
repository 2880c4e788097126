package dev.refer.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path of the HTTP API: literal segments, {@code {name}} segments and an optional last greedy
 * {@code {name+}} segment.
 */
final class PathPattern {

    /** How specific a segment is; API Gateway prefers a literal over a variable over a greedy variable. */
    enum Kind { LITERAL, VARIABLE, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private final String path;
    private final List<Segment> segments;

    PathPattern(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        this.path = path;
        this.segments = new ArrayList<>();
        String[] parts = split(path);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("a greedy variable must be the last segment: " + path);
                }
                segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Segment(Kind.VARIABLE, part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
    }

    String path() {
        return path;
    }

    /** The path parameters when {@code rawPath} matches, decoded as API Gateway decodes them. */
    Optional<Map<String, String>> match(String rawPath) {
        String[] parts = split(rawPath);
        boolean greedy = !segments.isEmpty() && segments.getLast().kind() == Kind.GREEDY;
        if (greedy ? parts.length < segments.size() : parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            switch (segment.kind()) {
                case LITERAL -> {
                    if (!segment.text().equals(parts[i])) {
                        return Optional.empty();
                    }
                }
                case VARIABLE -> {
                    if (parts[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.text(), decode(parts[i]));
                }
                case GREEDY -> {
                    String rest = String.join("/", List.of(parts).subList(i, parts.length));
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.text(), decode(rest));
                }
            }
        }
        return Optional.of(parameters);
    }

    /** Compares specificity segment by segment from the left: the more literal path is greater. */
    int compareSpecificity(PathPattern other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            int byKind = other.segments.get(i).kind().compareTo(segments.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }

    private static String[] split(String path) {
        return path.substring(1).split("/", -1);
    }

    /** Percent-decoding only: in a path, '+' is a plus sign. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // malformed escapes are passed on as sent
        }
    }
}

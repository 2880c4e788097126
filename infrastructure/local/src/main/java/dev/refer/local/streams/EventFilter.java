package dev.refer.local.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * An event source mapping's FilterCriteria: a record is delivered when any pattern matches it (or when there is no
 * pattern). Supported, as the template uses them: nested objects, and lists of exact values (strings, numbers,
 * booleans, null) of which the record's value must be one. Content filters ({"prefix": ...}, {"numeric": ...},
 * {"exists": ...}, ...) are rejected at start-up rather than silently matching nothing.
 */
final class EventFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    static EventFilter of(List<String> patterns) {
        return new EventFilter(patterns.stream().map(EventFilter::parse).toList());
    }

    boolean matches(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> matches(pattern, record));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isObject()) {
            if (!value.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : pattern.properties()) {
                if (!matches(field.getValue(), value.path(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        // A list of allowed values; against a list in the record, any element may match.
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matches(pattern, element)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode allowed : pattern) {
            if (sameValue(allowed, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode allowed, JsonNode value) {
        if (allowed.isNumber() && value.isNumber()) {
            return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return !value.isMissingNode() && allowed.equals(value);
    }

    private static JsonNode parse(String pattern) {
        JsonNode root;
        try {
            root = JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a FilterCriteria pattern is not JSON: " + pattern, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a FilterCriteria pattern must be a JSON object: " + pattern);
        }
        validate(root, pattern);
        return root;
    }

    private static void validate(JsonNode node, String pattern) {
        if (node.isObject()) {
            node.properties().forEach(field -> validate(field.getValue(), pattern));
        } else if (node.isArray()) {
            for (JsonNode allowed : node) {
                if (allowed.isContainerNode()) {
                    throw new IllegalArgumentException("the local stack supports exact-value filters only, not "
                            + allowed + " in " + pattern);
                }
            }
        } else {
            throw new IllegalArgumentException("a FilterCriteria pattern's leaves must be lists of values, not "
                    + node + " in " + pattern);
        }
    }
}

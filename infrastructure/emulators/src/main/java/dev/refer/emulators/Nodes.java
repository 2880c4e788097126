package dev.refer.emulators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to the parsed YAML tree, failing with the path of the node that has the wrong shape. */
final class Nodes {

    private Nodes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
            return result;
        }
        throw new TemplateException(where + " must be a mapping, found: " + describe(node));
    }

    static List<Object> list(Object node, String where) {
        if (node instanceof List<?> list) {
            return List.copyOf(list.stream().map(Object.class::cast).toList());
        }
        throw new TemplateException(where + " must be a list, found: " + describe(node));
    }

    static Map<String, Object> optionalMap(Map<String, Object> parent, String key, String where) {
        Object child = parent.get(key);
        return child == null ? Map.of() : map(child, where + "." + key);
    }

    static List<Object> optionalList(Map<String, Object> parent, String key, String where) {
        Object child = parent.get(key);
        return child == null ? List.of() : list(child, where + "." + key);
    }

    static String string(Map<String, Object> parent, String key, String where) {
        return optionalString(parent, key).orElseThrow(
                () -> new TemplateException(where + "." + key + " is missing"));
    }

    /** Scalars only: a number or boolean is given as its YAML text, an intrinsic function is a mistake here. */
    static Optional<String> optionalString(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateException(key + " must be a plain value, found: " + describe(value));
        }
        return Optional.of(String.valueOf(value));
    }

    static String describe(Object node) {
        return node == null ? "nothing" : node.toString();
    }
}

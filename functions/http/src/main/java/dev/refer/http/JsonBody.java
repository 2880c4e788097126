package dev.refer.http;

import java.util.Map;

/** A JSON request body with the checks every JSON endpoint makes: media type, size, an object. */
public final class JsonBody {

    private JsonBody() {
    }

    public static Map<String, Object> object(HttpRequest request, int maxBytes) {
        if (!request.mediaType().equals("application/json")) {
            throw new ProblemException(Problems.unsupportedMediaType("application/json"));
        }
        if (request.body().length > maxBytes) {
            throw new ProblemException(Problems.tooLarge(maxBytes));
        }
        return Json.parseObject(request.body());
    }

    /** A string field: null when absent; a 400 naming the field when it is not a string. */
    public static String string(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value != null && !(value instanceof String)) {
            throw new ProblemException(Problem.invalidField(field, "must be a string"));
        }
        return (String) value;
    }

    /** An integer field: null when absent; a 400 naming the field when it is not a whole number. */
    public static Long integer(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new ProblemException(Problem.invalidField(field, "must be a whole number"));
        }
        return ((Number) value).longValue();
    }

    public static Boolean bool(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new ProblemException(Problem.invalidField(field, "must be true or false"));
        }
        return (Boolean) value;
    }
}

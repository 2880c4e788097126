package dev.refer.dynamodb.lite;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's JSON protocol (awsJson1_0) for GetItem and PutItem: request bodies written directly into a
 * StringBuilder, responses read with our strict {@link JsonReader}. Written without pattern-matching switches or
 * lambdas: both bootstrap through invokedynamic, a cost paid at cold start.
 */
final class DynamoDbJson {

    private DynamoDbJson() {
    }

    /** {@code {"TableName":..,"Key":{..}}}, plus {@code "ConsistentRead":true} when asked (false is the default). */
    static String getItemRequest(String table, Map<String, AttributeValue> key, boolean consistentRead) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"TableName\":");
        JsonWriter.writeString(table, out);
        out.append(",\"Key\":");
        writeMap(key, out);
        if (consistentRead) {
            out.append(",\"ConsistentRead\":true");
        }
        return out.append('}').toString();
    }

    /** {@code {"TableName":..,"Item":{..}}}: an unconditional put. */
    static String putItemRequest(String table, Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"TableName\":");
        JsonWriter.writeString(table, out);
        out.append(",\"Item\":");
        writeMap(item, out);
        return out.append('}').toString();
    }

    static void writeMap(Map<String, AttributeValue> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonWriter.writeString(entry.getKey(), out);
            out.append(':');
            writeValue(entry.getValue(), out);
        }
        out.append('}');
    }

    static void writeValue(AttributeValue value, StringBuilder out) {
        if (value instanceof AttributeValue.S s) {
            out.append("{\"S\":");
            JsonWriter.writeString(s.value(), out);
            out.append('}');
        } else if (value instanceof AttributeValue.N n) {
            out.append("{\"N\":");
            JsonWriter.writeString(n.value(), out);
            out.append('}');
        } else if (value instanceof AttributeValue.Bool b) {
            out.append(b.value() ? "{\"BOOL\":true}" : "{\"BOOL\":false}");
        } else if (value instanceof AttributeValue.Null) {
            out.append("{\"NULL\":true}");
        } else if (value instanceof AttributeValue.M m) {
            out.append("{\"M\":");
            writeMap(m.value(), out);
            out.append('}');
        } else if (value instanceof AttributeValue.L l) {
            out.append("{\"L\":[");
            boolean first = true;
            for (AttributeValue element : l.value()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(element, out);
            }
            out.append("]}");
        } else if (value instanceof AttributeValue.Other other) {
            out.append('{');
            JsonWriter.writeString(other.type(), out);
            out.append(':');
            JsonWriter.write(other.json(), out);
            out.append('}');
        } else {
            throw new IllegalArgumentException("no attribute value: " + value);
        }
    }

    /** A GetItem answer: {@code {"Item":{..}}} when the item exists, {@code {}} when it does not. */
    static Map<String, AttributeValue> readItem(byte[] responseBody) {
        Object item = JsonReader.readObject(responseBody).get("Item");
        return item == null ? null : readMap(item);
    }

    static Map<String, AttributeValue> readMap(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw malformed("an item or map that is not a JSON object");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            values.put((String) entry.getKey(), readValue(entry.getValue()));
        }
        return values;
    }

    static AttributeValue readValue(Object json) {
        if (!(json instanceof Map<?, ?> map) || map.size() != 1) {
            throw malformed("an attribute value that is not an object with one member");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String type = (String) entry.getKey();
        Object value = entry.getValue();
        // a switch on strings compiles to a hash lookup; only switches on patterns bootstrap through invokedynamic
        return switch (type) {
            case "S" -> new AttributeValue.S(string(value, type));
            case "N" -> new AttributeValue.N(string(value, type));
            case "BOOL" -> AttributeValue.bool(bool(value));
            case "NULL" -> AttributeValue.Null.INSTANCE;
            case "M" -> new AttributeValue.M(readMap(value));
            case "L" -> new AttributeValue.L(readList(value));
            default -> {
                if (value == null) {
                    throw malformed(type + " with a null value");
                }
                yield new AttributeValue.Other(type, value);
            }
        };
    }

    private static List<AttributeValue> readList(Object value) {
        if (!(value instanceof List<?> list)) {
            throw malformed("L that is not an array");
        }
        List<AttributeValue> elements = new ArrayList<>(list.size());
        for (Object element : list) {
            elements.add(readValue(element));
        }
        return elements;
    }

    private static boolean bool(Object value) {
        if (!(value instanceof Boolean bool)) {
            throw malformed("BOOL that is not true or false");
        }
        return bool;
    }

    private static String string(Object value, String type) {
        if (!(value instanceof String text)) {
            throw malformed(type + " that is not a string");
        }
        return text;
    }

    /**
     * An error answer's type and message: {@code {"__type":"com.amazonaws.dynamodb.v20120810#ValidationException",
     * "message":"..."}} (some errors spell it {@code Message}). The type is the part after '#'; null when the body is
     * not such an object (a proxy's HTML page, an empty 5xx body).
     */
    static ErrorBody readError(byte[] body) {
        Map<String, Object> error;
        try {
            error = JsonReader.readObject(body);
        } catch (RuntimeException notJson) {
            return new ErrorBody(null, null);
        }
        Object type = error.get("__type");
        Object message = error.get("message");
        if (message == null) {
            message = error.get("Message");
        }
        return new ErrorBody(type instanceof String t ? shortErrorType(t) : null,
                message instanceof String m ? m : null);
    }

    /** An error answer's short type name and message, each null when the answer did not carry it. */
    record ErrorBody(String type, String message) {
    }

    /** {@code com.amazonaws.dynamodb.v20120810#ValidationException} → {@code ValidationException}. */
    static String shortErrorType(String type) {
        int hash = type.lastIndexOf('#');
        String name = hash < 0 ? type : type.substring(hash + 1);
        int colon = name.indexOf(':'); // the x-amzn-ErrorType header appends ":<namespace url>"
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static IllegalStateException malformed(String what) {
        return new IllegalStateException("malformed DynamoDB response: " + what);
    }
}

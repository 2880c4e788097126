package dev.refer.dynamodb.lite;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB attribute value, as the JSON protocol carries it: an object with exactly one member whose name is the
 * type ({@code {"S":"text"}}, {@code {"N":"42"}}, {@code {"BOOL":true}}, {@code {"NULL":true}}, {@code {"M":{...}}},
 * {@code {"L":[...]}}). Numbers stay strings, as on the wire: DynamoDB numbers have 38 digits of precision, more than
 * a long or a double. Types this client does not model (sets, binary) are kept as {@link Other}, so a read never fails
 * on an attribute the caller does not use.
 */
public sealed interface AttributeValue {

    static AttributeValue s(String value) {
        return new S(value);
    }

    static AttributeValue n(long value) {
        return new N(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return value ? Bool.TRUE : Bool.FALSE;
    }

    /** A string ({@code S}). DynamoDB refuses empty strings in keys, and this client never sends a null. */
    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number ({@code N}) in DynamoDB's decimal string form. */
    record N(String value) implements AttributeValue {
        public N {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value) implements AttributeValue {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);
    }

    /** {@code {"NULL":true}}: an attribute that exists and holds nothing. */
    record Null() implements AttributeValue {
        static final Null INSTANCE = new Null();
    }

    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Map.copyOf(value);
        }
    }

    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = List.copyOf(value);
        }
    }

    /**
     * A type this client does not model ({@code SS}, {@code NS}, {@code B}, {@code BS}), as it was read: the type
     * name and the member's JSON value (strings, lists, maps as {@code JsonReader} produces them).
     */
    record Other(String type, Object json) implements AttributeValue {
        public Other {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(json, "json");
        }
    }
}

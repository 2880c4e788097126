package dev.refer.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamRecordsTest {

    @Test
    void attributeValue_isDynamoDbJson() {
        AttributeValue value = AttributeValue.fromM(Map.of(
                "s", AttributeValue.fromS("x"),
                "n", AttributeValue.fromN("1.5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})),
                "ok", AttributeValue.fromBool(true),
                "none", AttributeValue.fromNul(true),
                "tags", AttributeValue.fromSs(List.of("a")),
                "list", AttributeValue.fromL(List.of(AttributeValue.fromN("2")))));

        assertEquals("{\"M\":{\"b\":{\"B\":\"AQ==\"},\"list\":{\"L\":[{\"N\":\"2\"}]},\"n\":{\"N\":\"1.5\"},"
                        + "\"none\":{\"NULL\":true},\"ok\":{\"BOOL\":true},\"s\":{\"S\":\"x\"},\"tags\":{\"SS\":[\"a\"]}}}",
                sorted(StreamRecords.attributeValue(value).toString()));
    }

    /** Map.of has no order; compare with the keys of the "M" object sorted. */
    private static String sorted(String json) {
        try {
            ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            return mapper.writeValueAsString(mapper.readValue(json, Map.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.refer.local.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFilterTest {

    private static final String CLICK_INSERTS =
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":[\"CLICK\"]}}}}";

    @Test
    void matches_exactValuesOnNestedKeys() throws Exception {
        EventFilter filter = EventFilter.of(List.of(CLICK_INSERTS));

        assertTrue(filter.matches(record("INSERT", "CLICK")));
        assertFalse(filter.matches(record("MODIFY", "CLICK")));
        assertFalse(filter.matches(record("INSERT", "LINK")));
        assertFalse(filter.matches(json("{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{}}}")));
    }

    @Test
    void matches_anyOfSeveralPatterns_andEverythingWithoutPatterns() throws Exception {
        EventFilter filter = EventFilter.of(List.of(CLICK_INSERTS, "{\"eventName\":[\"REMOVE\"]}"));

        assertTrue(filter.matches(record("REMOVE", "LINK")));
        assertTrue(EventFilter.of(List.of()).matches(record("MODIFY", "LINK")));
    }

    @Test
    void of_rejectsContentFiltersItCannotEvaluate() {
        assertThrows(IllegalArgumentException.class,
                () -> EventFilter.of(List.of("{\"eventName\":[{\"prefix\":\"INS\"}]}")));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of(List.of("{\"eventName\":\"INSERT\"}")));
    }

    private static JsonNode record(String eventName, String type) throws Exception {
        return json("{\"eventName\":\"" + eventName + "\",\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":\"" + type
                + "\"}}}}");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}

package dev.refer.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parseObject_whenBodyIsAnObject_returnsItsFields() {
        Map<String, Object> json = Json.parseObject(bytes("{\"email\":\"ada@acme.example\",\"amount\":12345}"));
        assertEquals("ada@acme.example", json.get("email"));
        assertEquals(12345, json.get("amount"));
    }

    @Test
    void parseObject_whenBodyIsMalformed_throwsNotValidJson() {
        for (String body : List.of("", "{", "{\"a\":1,}", "{\"a\":01}", "{} x", "{\"a\":NaN}", "[".repeat(100))) {
            Json.MalformedJsonException e = assertThrows(Json.MalformedJsonException.class,
                    () -> Json.parseObject(bytes(body)), body);
            assertEquals("the body is not valid JSON", e.getMessage());
        }
    }

    @Test
    void parseObject_whenBodyIsNotAnObject_throwsMustBeAnObject() {
        for (String body : List.of("[]", "\"text\"", "1", "null", "true")) {
            Json.MalformedJsonException e = assertThrows(Json.MalformedJsonException.class,
                    () -> Json.parseObject(bytes(body)), body);
            assertEquals("the body must be a JSON object", e.getMessage());
        }
    }

    @Test
    void jsonBody_whenNumberHasAFraction_isNotAWholeNumber() {
        Map<String, Object> json = Json.parseObject(bytes("{\"a\":1.5,\"b\":2.0,\"c\":99999999999999999999,\"d\":7}"));
        assertThrows(ProblemException.class, () -> JsonBody.integer(json, "a"));
        assertThrows(ProblemException.class, () -> JsonBody.integer(json, "b"));
        assertThrows(ProblemException.class, () -> JsonBody.integer(json, "c"));
        assertEquals(7L, JsonBody.integer(json, "d"));
    }

    @Test
    void write_whenMapHasNullValues_leavesThemOut() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", "x");
        map.put("b", null);
        assertEquals("{\"a\":\"x\"}", Json.write(map));
    }

    @Test
    void write_whenValueCannotBeWritten_throwsIllegalState() {
        assertThrows(IllegalStateException.class, () -> Json.write(Map.of("a", Double.NaN)));
    }

    @Test
    void problemToJson_keepsItsShape() {
        Problem problem = Problem.invalidField("email", "must be an email address");
        assertEquals("{\"type\":\"https://refer.dev/problems/validation\",\"title\":\"The request is invalid\","
                + "\"status\":400,\"detail\":\"email: must be an email address\","
                + "\"errors\":[{\"field\":\"email\",\"rule\":\"must be an email address\"}]}", problem.toJson());
    }

    @Test
    void problemToJson_whenNoErrors_leavesThemOut() {
        assertEquals("{\"type\":\"https://refer.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"This partner does not exist.\"}", Problems.notFound("This partner").toJson());
    }

    @Test
    void log_writesOneJsonLinePerEvent() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Log.info("lead.captured", "leadId", "L1", "count", 3, "missing", null);
        } finally {
            System.setOut(original);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertEquals("{\"level\":\"INFO\",\"event\":\"lead.captured\",\"leadId\":\"L1\",\"count\":\"3\"}", line);
        assertTrue(Json.parseObject(bytes(line)).containsKey("leadId"));
    }
}

package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LambdaJsonTest {

    record Customer(String email) {
    }

    record Body(String name, Long amount, Boolean flag, List<String> hosts, Customer customer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lenient(String name) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-api-request.json", "form-post.json"})
    void httpEvent_isReadAsTheLambdaRuntimeReadsIt(String fixture) throws IOException {
        APIGatewayV2HTTPEvent runtime = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        APIGatewayV2HTTPEvent ours;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/" + fixture)) {
            ours = LambdaJson.readHttpEvent(in);
        }
        assertEquals(runtime, ours);
    }

    @Test
    void dynamodbStreamEvent_isReadAsTheLambdaRuntimeReadsIt() throws IOException {
        DynamodbEvent runtime = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-clicks.json");
        DynamodbEvent ours;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/dynamodb-stream-clicks.json")) {
            ours = LambdaJson.readEvent(in, DynamodbEvent.class);
        }
        assertEquals(runtime, ours);
        assertEquals("anna-news", ours.getRecords().get(0).getDynamodb().getNewImage().get("code").getS());
    }

    @Test
    void body_whenWellFormed_isReadExactly() {
        Body body = LambdaJson.readBody(bytes("{\"name\":\"Ada\",\"amount\":9223372036854775807,\"flag\":true,"
                + "\"hosts\":[\"a\"],\"customer\":{\"email\":\"x@y.example\"}}"), Body.class);
        assertEquals(new Body("Ada", Long.MAX_VALUE, true, List.of("a"), new Customer("x@y.example")), body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a number for a string   | {\"name\":42}                     | name              | must be a string",
            "a decimal for an amount | {\"amount\":1.5}                  | amount            | must be a whole number",
            "an exponent             | {\"amount\":1e3}                  | amount            | must be a whole number",
            "a string for a number   | {\"amount\":\"12\"}               | amount            | must be a whole number",
            "beyond a long           | {\"amount\":9223372036854775808}  | amount            | is out of range",
            "a string for a boolean  | {\"flag\":\"true\"}               | flag              | must be true or false",
            "a string for a list     | {\"hosts\":\"a\"}                 | hosts             | must be a list",
            "a number in a list      | {\"hosts\":[1]}                   | hosts[0]          | must be a string",
            "a nested wrong type     | {\"customer\":{\"email\":5}}      | customer.email    | must be a string",
            "a string for an object  | {\"customer\":\"x\"}              | customer          | must be an object",
            "an unknown field        | {\"nmae\":\"Ada\"}                | nmae              | is not a field of this request",
    })
    void body_whenAFieldIsWrong_isA400NamingIt(String label, String json, String field, String rule) {
        Problem problem = assertThrows(ProblemException.class, () -> LambdaJson.readBody(bytes(json), Body.class))
                .problem();
        assertEquals(400, problem.status());
        assertEquals(List.of(new Problem.FieldError(field, rule)), problem.errors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duplicate key      | {\"name\":\"a\",\"name\":\"b\"}",
            "not JSON           | {\"name\":",
            "trailing text      | {\"name\":\"a\"} x",
            "an array           | [1,2]",
            "empty              | ''",
            "too deep           | DEEP",
            "a 40-digit number  | {\"amount\":1234567890123456789012345678901234567890}",
    })
    void body_whenMalformed_isA400MalformedBody(String label, String json) {
        // too deep: inside a field the type ignores, so only the parser's nesting limit can refuse it
        boolean deep = json.equals("DEEP");
        String text = deep ? "{\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}" : json;
        Problem problem = assertThrows(ProblemException.class,
                () -> LambdaJson.readBody(bytes(text), (Class<?>) (deep ? Lenient.class : Body.class))).problem();
        assertEquals(400, problem.status());
        assertEquals(Problem.TYPE_BASE + "malformed-body", problem.type(), problem.toString());
    }

    /** Valid JSON that is not an object is refused whatever the body type, before any field is read. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", " null ", "[]", "\"x\"", "1", "true", "false", "-0.5", "\uFEFFnull"})
    void body_whenValidJsonButNotAnObject_isA400NamingTheRule(String json) {
        for (Class<?> type : List.of(Body.class, Lenient.class, OneString.class, OneFlag.class, OneNumber.class)) {
            Problem problem = assertThrows(ProblemException.class, () -> LambdaJson.readBody(bytes(json), type),
                    json + " as " + type.getSimpleName()).problem();
            assertEquals(400, problem.status());
            assertEquals(Problem.TYPE_BASE + "malformed-body", problem.type());
            assertEquals("the body must be a JSON object", problem.detail());
        }
    }

    /** Single-value records, which Jackson could otherwise build from a bare scalar. */
    record OneString(String status) {
    }

    record OneFlag(Boolean enabled) {
    }

    record OneNumber(Long count) {
    }

    @Test
    void body_whenTheTypeIgnoresUnknownFields_readsWhatItKnows() {
        assertEquals(new Lenient("Ada"), LambdaJson.readBody(bytes("{\"name\":\"Ada\",\"extra\":1}"), Lenient.class));
    }

    @Test
    void problem_isWrittenInRfc9457OrderWithoutEmptyErrors() {
        assertEquals("{\"type\":\"https://refer.dev/problems/x\",\"title\":\"T\",\"status\":409,\"detail\":\"D\"}",
                Problem.of(409, "x", "T", "D").toJson());
        assertEquals("{\"type\":\"https://refer.dev/problems/validation\",\"title\":\"The request is invalid\","
                        + "\"status\":400,\"detail\":\"email: is required\",\"errors\":[{\"field\":\"email\","
                        + "\"rule\":\"is required\"}]}",
                Problem.invalidField("email", "is required").toJson());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParametersTest {

    /** Values no month, date, number or id parameter takes. */
    static final String[] MALFORMED = {"sample-month", "", " ", "-1", "0", "1.5", "1e3", "99999999999999999999",
            "2026-13", "2026-00", "+10000-01", "-2026-01", "2026-1", "2026-011", "not valid", "%", "null", "{}",
            "\u00e9\u2717", "\u0662\u0660\u0662\u0666-\u0661\u0661"};

    @ParameterizedTest
    @ValueSource(strings = {"sample-month", "", " ", "-1", "0", "1.5", "2026-13", "2026-00", "+10000-01",
            "-2026-01", "2026-1", "2026-011", "2026-11-01", "not valid", "\u0662\u0660\u0662\u0666-\u0661\u0661"})
    void month_whenMalformed_isInvalidOnItsName(String text) {
        Invalid invalid = assertThrows(Invalid.class, () -> Parameters.month("period", text));
        assertEquals("period", invalid.violations().getFirst().field());
    }

    @Test
    void month_whenWellFormed_isTheMonth() {
        assertEquals(YearMonth.of(2026, 11), Parameters.month("month", "2026-11"));
        assertEquals(List.of(new Invalid.Violation("month", "is required, a month like 2026-11")),
                assertThrows(Invalid.class, () -> Parameters.month("month", null)).violations());
        assertEquals(List.of(new Invalid.Violation("month", "must be a month like 2026-11")),
                assertThrows(Invalid.class, () -> Parameters.month("month", "sample-month")).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-month", "2026-11", "2026-02-30", "2026-13-01", "+10000-01-01", "2026-1-1", ""})
    void date_whenMalformed_isInvalidOnItsName(String text) {
        Invalid invalid = assertThrows(Invalid.class, () -> Parameters.date("from", text));
        assertEquals("from", invalid.violations().getFirst().field());
    }

    @Test
    void date_whenWellFormed_isTheDate() {
        assertEquals(LocalDate.of(2026, 2, 28), Parameters.date("from", "2026-02-28"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-month", "", "-1", "0", "101", "1.5", "1e3", "+5", " 5", "99999999999999999999",
            "\u0665"})
    void wholeNumber_whenMalformedOrOutOfRange_isInvalidOnItsName(String text) {
        assertEquals(List.of(new Invalid.Violation("limit", "must be a whole number from 1 to 100")),
                assertThrows(Invalid.class, () -> Parameters.wholeNumber("limit", text, 1, 100)).violations());
    }

    @Test
    void wholeNumber_whenInRange_isTheNumber() {
        assertEquals(1, Parameters.wholeNumber("limit", "1", 1, 100));
        assertEquals(100, Parameters.wholeNumber("limit", "100", 1, 100));
        assertEquals(-3, Parameters.wholeNumber("offset", "-3", -5, 5));
    }

    @Test
    void parse_turnsWhatTheParserRefusesIntoTheRule() {
        for (String text : MALFORMED) {
            assertEquals(List.of(new Invalid.Violation("status", "must be one of A, B")),
                    assertThrows(Invalid.class, () -> Parameters.parse("status", text, Letter::valueOf,
                            "must be one of A, B")).violations(), text);
        }
        assertEquals(List.of(new Invalid.Violation("id", "is not an id")), assertThrows(Invalid.class,
                () -> Parameters.parse("id", "x", t -> {
                    throw Invalid.field("value", "too short");
                }, "is not an id")).violations());
        assertEquals(Letter.B, Parameters.parse("status", "B", Letter::valueOf, "must be one of A, B"));
    }

    enum Letter { A, B }

    @Test
    void page_readsLimitAndCursor_andRefusesMalformedOnes() {
        assertEquals(new PageRequest(PageRequest.DEFAULT_LIMIT, null), Parameters.page(request(Map.of())));
        assertEquals(new PageRequest(7, "abc"), Parameters.page(request(Map.of("limit", "7", "cursor", "abc"))));
        for (String limit : MALFORMED) {
            Invalid invalid = assertThrows(Invalid.class, () -> Parameters.page(request(Map.of("limit", limit))),
                    limit);
            assertEquals("limit", invalid.violations().getFirst().field());
        }
        Invalid cursor = assertThrows(Invalid.class, () -> Parameters.page(request(Map.of("cursor", ""))));
        assertEquals("cursor", cursor.violations().getFirst().field());
    }

    /** Through the shared handler base: a malformed parameter is a 400 problem naming it, not a 500. */
    @Test
    void httpFunction_answersAMalformedParameterWithA400Problem() {
        HttpFunction function = new HttpFunction() {
            @Override
            protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
                Parameters.month("month", request.pathParameter("month").orElse(null));
                return HttpResponse.empty(204);
            }
        };
        APIGatewayV2HTTPResponse response = function.respond(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /runs/{month}").withPathParameters(Map.of("month", "sample-month")).build());
        assertEquals(400, response.getStatusCode());
        assertEquals(HttpResponse.PROBLEM_JSON, response.getHeaders().get("content-type"));
        assertEquals(List.of(new Problem.FieldError("month", "must be a month like 2026-11")),
                LambdaJson.readBody(response.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ProblemBody.class).errors());
    }

    record ProblemBody(String type, String title, Integer status, String detail, List<Problem.FieldError> errors) {
    }

    private static HttpRequest request(Map<String, String> query) {
        return HttpRequest.of(APIGatewayV2HTTPEvent.builder().withRouteKey("GET /things")
                .withQueryStringParameters(new HashMap<>(query)).build());
    }
}

package dev.refer.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.lambda.LambdaJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.YearMonth;

/**
 * What the payout planner's event asks: the period it names (null: the month that just ended) and whether it is the
 * noon check ({@code {"check": true}}) rather than a start.
 */
record PlannerEvent(YearMonth period, boolean check) {

    static PlannerEvent read(InputStream input) {
        JsonNode event;
        try {
            byte[] bytes = input.readAllBytes();
            event = bytes.length == 0 ? null
                    : LambdaJson.readTrusted(new String(bytes, StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event == null) {
            return new PlannerEvent(null, false);
        }
        YearMonth period = null;
        if (event.hasNonNull("period")) {
            try {
                period = YearMonth.parse(event.get("period").asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("period must be YYYY-MM, not " + event.get("period"), e);
            }
        }
        return new PlannerEvent(period, event.path("check").asBoolean(false));
    }
}

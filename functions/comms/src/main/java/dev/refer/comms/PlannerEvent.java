package dev.refer.comms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.comms.mailing.StartMailing;
import dev.refer.lambda.LambdaJson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the check-in planner's schedule sends ({@code {"job": "checkin" | "digest" | "check", "month"?, "day"?}}; no
 * job is the month's check-ins): a mailing to start, or the noon check of a month's check-ins (null month: the month
 * that ended).
 */
sealed interface PlannerEvent {

    record Start(StartMailing.Job job) implements PlannerEvent {
    }

    record Check(YearMonth month) implements PlannerEvent {
    }

    static PlannerEvent read(byte[] bytes) {
        JsonNode event = bytes.length == 0 ? null
                : LambdaJson.readTrusted(new String(bytes, StandardCharsets.UTF_8), JsonNode.class);
        String job = event != null && event.hasNonNull("job") ? event.get("job").asText() : "checkin";
        YearMonth month = event != null && event.hasNonNull("month") ? YearMonth.parse(event.get("month").asText())
                : null;
        return switch (job) {
            case "check" -> new Check(month);
            case "checkin" -> new Start(new StartMailing.Job.Checkins(month));
            case "digest" -> new Start(new StartMailing.Job.Digests(event.hasNonNull("day")
                    ? LocalDate.parse(event.get("day").asText()) : null));
            default -> throw new IllegalArgumentException("job must be checkin, digest or check, not " + job);
        };
    }
}

package dev.refer.emulators;

import java.util.Optional;

/**
 * A {@code Type: Schedule} (EventBridge rule) or {@code Type: ScheduleV2} (EventBridge Scheduler) event.
 *
 * @param eventName  the event's name in the template
 * @param type       "Schedule" or "ScheduleV2"
 * @param expression the schedule expression: {@code rate(...)}, {@code cron(...)} or {@code at(...)}
 * @param input      the JSON the target receives, or null when the template gives none
 * @param enabled    the schedule is enabled
 */
public record ScheduleDef(String eventName, String type, String expression, String input, boolean enabled,
                          String timeZone) {

    /** A schedule in UTC (no {@code ScheduleExpressionTimezone}). */
    public ScheduleDef(String eventName, String type, String expression, String input, boolean enabled) {
        this(eventName, type, expression, input, enabled, "UTC");
    }

    /** When it fires: its expression in its time zone. */
    public ScheduleExpression when() {
        return ScheduleExpression.parse(expression, java.time.ZoneId.of(timeZone));
    }

    public Optional<String> inputJson() {
        return Optional.ofNullable(input);
    }
}

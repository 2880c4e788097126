package dev.refer.emulators;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the template's schedules fire, for the local stack's test clock. */
class ScheduleExpressionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void thePayoutRun_firesAt0600OnThe1st_inTheProgramsZone_acrossASummerTimeChange() {
        ScheduleExpression monthly = ScheduleExpression.parse("cron(0 6 1 * ? *)", BERLIN);

        assertEquals(List.of(Instant.parse("2026-10-01T04:00:00Z"), Instant.parse("2026-11-01T05:00:00Z"),
                        Instant.parse("2026-12-01T05:00:00Z")),
                monthly.firesBetween(Instant.parse("2026-09-15T00:00:00Z"), Instant.parse("2026-12-01T05:00:00Z")));
        assertEquals(List.of(), monthly.firesBetween(Instant.parse("2026-12-01T05:00:00Z"),
                Instant.parse("2026-12-31T23:59:00Z")), "the bound before is excluded");
    }

    @Test
    void dailyAndHourlySchedules_fireOncePerDayAndHour() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        assertEquals(30, ScheduleExpression.parse("cron(0 7 * * ? *)", ZoneOffset.UTC).firesBetween(from, to).size());
        List<Instant> hourly = ScheduleExpression.parse("rate(1 hour)", ZoneOffset.UTC).firesBetween(from, to);
        assertEquals(720, hourly.size());
        assertEquals(Instant.parse("2026-11-01T01:00:00Z"), hourly.getFirst());
        assertEquals(to, hourly.getLast());
        assertEquals(3, ScheduleExpression.parse("rate(20 minutes)", ZoneOffset.UTC)
                .firesBetween(from, from.plusSeconds(3600)).size());
    }

    @Test
    void weekdaysListsRangesAndSteps() {
        ScheduleExpression weekdays = ScheduleExpression.parse("cron(0/30 9-10 ? * MON-FRI *)", ZoneOffset.UTC);
        // Monday 2026-12-07 to Sunday 2026-12-13: five days, 09:00 09:30 10:00 10:30
        List<Instant> fires = weekdays.firesBetween(Instant.parse("2026-12-06T23:59:00Z"),
                Instant.parse("2026-12-13T23:59:00Z"));
        assertEquals(20, fires.size());
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), fires.getFirst());
        assertEquals(Instant.parse("2026-12-11T10:30:00Z"), fires.getLast());
        assertEquals(List.of(Instant.parse("2027-03-01T08:00:00Z")),
                ScheduleExpression.parse("at(2027-03-01T09:00:00)", BERLIN).firesBetween(
                        Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")));
    }

    @Test
    void formsTheLocalClockCannotHonour_areRefusedByName() {
        TemplateException last = assertThrows(TemplateException.class,
                () -> ScheduleExpression.parse("cron(0 6 L * ? *)", ZoneOffset.UTC));
        assertTrue(last.getMessage().contains("L, W and #"), last.getMessage());
        assertThrows(TemplateException.class, () -> ScheduleExpression.parse("cron(0 6 * *)", ZoneOffset.UTC));
        assertThrows(TemplateException.class, () -> ScheduleExpression.parse("every day", ZoneOffset.UTC));
    }

    @Test
    void everyScheduleOfTheTemplate_parses_inItsZone() {
        SamTemplate template = SamTemplate.load();
        int schedules = 0;
        for (FunctionDef function : template.functions()) {
            for (ScheduleDef schedule : function.schedules()) {
                schedule.when();
                schedules++;
            }
        }
        assertEquals(6, schedules);
        ScheduleDef payouts = template.function("PayoutPlannerFunction").schedules().getFirst();
        assertEquals(template.parameterDefaults().get("PayoutTimeZone"), payouts.timeZone());
    }
}

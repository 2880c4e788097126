package dev.refer.emulators;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When an EventBridge schedule fires, for the local stack's test clock: {@code cron(minutes hours day-of-month month
 * day-of-week year)} in the schedule's time zone (numbers, {@code *}, {@code ?}, lists, ranges and steps; month and
 * weekday names; the {@code L}, {@code W} and {@code #} forms are refused), {@code rate(n unit)} (counted from
 * midnight UTC, as a schedule created at midnight would) and {@code at(yyyy-mm-ddThh:mm:ss)}.
 */
public sealed interface ScheduleExpression {

    /** The instants it fires at in {@code (after, until]}, in order. */
    List<Instant> firesBetween(Instant after, Instant until);

    static ScheduleExpression parse(String expression, ZoneId zone) {
        String text = expression.strip();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            return Rate.parse(text.substring(5, text.length() - 1));
        }
        if (text.startsWith("at(") && text.endsWith(")")) {
            return new At(LocalDateTime.parse(text.substring(3, text.length() - 1)).atZone(zone).toInstant());
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return Cron.parse(text.substring(5, text.length() - 1), zone);
        }
        throw new TemplateException("not a schedule expression: " + expression);
    }

    /** {@code rate(5 minutes)}: every period, counted from the epoch. */
    record Rate(Duration period) implements ScheduleExpression {

        static Rate parse(String body) {
            String[] parts = body.strip().split("\\s+");
            if (parts.length != 2) {
                throw new TemplateException("rate(" + body + "): expected rate(<number> <unit>)");
            }
            long n = Long.parseLong(parts[0]);
            ChronoUnit unit = switch (parts[1].toLowerCase(Locale.ROOT).replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                case "day" -> ChronoUnit.DAYS;
                default -> throw new TemplateException("rate(" + body + "): unit must be minutes, hours or days");
            };
            return new Rate(Duration.of(n, unit));
        }

        @Override
        public List<Instant> firesBetween(Instant after, Instant until) {
            long step = period.toMillis();
            List<Instant> fires = new ArrayList<>();
            for (long t = Math.floorDiv(after.toEpochMilli(), step) * step + step; t <= until.toEpochMilli(); t += step) {
                fires.add(Instant.ofEpochMilli(t));
            }
            return fires;
        }
    }

    /** {@code at(...)}: once. */
    record At(Instant at) implements ScheduleExpression {
        @Override
        public List<Instant> firesBetween(Instant after, Instant until) {
            return at.isAfter(after) && !at.isAfter(until) ? List.of(at) : List.of();
        }
    }

    /** A cron expression of EventBridge's six fields, in a time zone. */
    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek, ZoneId zone) implements ScheduleExpression {

        private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
                Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
                Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
        /** EventBridge numbers the weekdays 1 (Sunday) to 7 (Saturday). */
        private static final Map<String, Integer> WEEKDAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
                "FRI", 6, "SAT", 7);

        static Cron parse(String body, ZoneId zone) {
            String[] f = body.strip().split("\\s+");
            if (f.length != 6) {
                throw new TemplateException("cron(" + body + "): EventBridge cron has six fields");
            }
            boolean anyDom = f[2].equals("?") || f[2].equals("*");
            boolean anyDow = f[4].equals("?") || f[4].equals("*");
            return new Cron(field(f[0], 0, 59, Map.of(), body), field(f[1], 0, 23, Map.of(), body),
                    field(f[2], 1, 31, Map.of(), body), field(f[3], 1, 12, MONTHS, body),
                    field(f[4], 1, 7, WEEKDAYS, body), field(f[5], 1970, 2199, Map.of(), body), anyDom, anyDow, zone);
        }

        private static BitSet field(String text, int min, int max, Map<String, Integer> names, String body) {
            BitSet values = new BitSet();
            if (text.equals("*") || text.equals("?")) {
                values.set(min, max + 1);
                return values;
            }
            for (String part : text.split(",")) {
                if (part.matches(".*[LW#].*") && !names.containsKey(part.toUpperCase(Locale.ROOT))) {
                    throw new TemplateException("cron(" + body + "): L, W and # are not supported locally");
                }
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(part.substring(slash + 1));
                    range = part.substring(0, slash);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    from = value(range.substring(0, range.indexOf('-')), names);
                    to = value(range.substring(range.indexOf('-') + 1), names);
                } else {
                    from = value(range, names);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to || step < 1) {
                    throw new TemplateException("cron(" + body + "): " + part + " is outside " + min + "-" + max);
                }
                for (int v = from; v <= to; v += step) {
                    values.set(v);
                }
            }
            return values;
        }

        private static int value(String text, Map<String, Integer> names) {
            Integer named = names.get(text.toUpperCase(Locale.ROOT));
            return named != null ? named : Integer.parseInt(text);
        }

        @Override
        public List<Instant> firesBetween(Instant after, Instant until) {
            List<Instant> fires = new ArrayList<>();
            // minute by minute in the zone's local time: a month is 44,640 steps, nothing for a test clock
            ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            while (!t.toInstant().isAfter(until)) {
                if (matches(t) && t.toInstant().isAfter(after)) {
                    fires.add(t.toInstant());
                }
                t = t.plusMinutes(1);
            }
            return fires;
        }

        private boolean matches(ZonedDateTime t) {
            int weekday = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
            boolean dayOfMonth = daysOfMonth.get(t.getDayOfMonth());
            boolean dayOfWeek = daysOfWeek.get(weekday);
            boolean day = anyDayOfMonth ? dayOfWeek : anyDayOfWeek ? dayOfMonth : dayOfMonth && dayOfWeek;
            return minutes.get(t.getMinute()) && hours.get(t.getHour()) && day && months.get(t.getMonthValue())
                    && years.get(t.getYear());
        }
    }
}

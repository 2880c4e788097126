package dev.refer.core.comms.mailing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;

/**
 * The days of the daily digests, in the program's zone: a day's digests go out once the day is over (sent while it
 * still runs, they would leave the rest of the day to the next day's digest), by default yesterday's; a notification
 * late for its day's digest (a backlog, a redrive) goes into today's, so nothing filed is left out of every digest.
 */
public record DigestCalendar(ZoneId zone, Clock clock) {

    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** The day before now: the day a digest run covers unless told otherwise. */
    public LocalDate yesterday() {
        return today().minusDays(1);
    }

    /** Whether the day is over, so its digests may go out (yesterday and before; not today nor later). */
    public boolean isOver(LocalDate day) {
        return !day.isAfter(yesterday());
    }

    /**
     * The day whose digest takes something of {@code day}: that day's, unless it went out already ({@code wentOut},
     * only asked of a day before today: one read, and the usual notification is of today): then today's.
     */
    public LocalDate dayTaking(LocalDate day, BooleanSupplier wentOut) {
        LocalDate today = today();
        return day.isBefore(today) && wentOut.getAsBoolean() ? today : day;
    }
}

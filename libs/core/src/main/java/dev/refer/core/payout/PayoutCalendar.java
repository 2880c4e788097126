package dev.refer.core.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The payout calendar, in one place: a period is a calendar month in the program's payout time zone; its run starts
 * on the 1st of the next month there (the schedule) and pays what became payable before the period ended (the
 * cutoff). The payout run, its start by hand, the check-in's "next payout" and the admin's default month all read
 * their dates here, so they cannot disagree about a month's edges.
 */
public final class PayoutCalendar {

    private PayoutCalendar() {
    }

    /** The month that ended before {@code now} in {@code zone}: the period the scheduled run of {@code now} pays. */
    public static YearMonth previousPeriod(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** The instant {@code period} starts in {@code zone}. */
    public static Instant periodStart(YearMonth period, ZoneId zone) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The instant {@code period} ends in {@code zone}: entries due before it belong to it. */
    public static Instant cutoff(YearMonth period, ZoneId zone) {
        return payday(period).atStartOfDay(zone).toInstant();
    }

    /** Whether {@code period} has ended at {@code now} in {@code zone} (only an ended period can be paid). */
    public static boolean hasEnded(YearMonth period, ZoneId zone, Instant now) {
        return !cutoff(period, zone).isAfter(now);
    }

    /** The day {@code period}'s run is scheduled, in the program's calendar: the 1st of the following month. */
    public static LocalDate payday(YearMonth period) {
        return period.plusMonths(1).atDay(1);
    }

    /**
     * The period of the next payout after a check-in on {@code checkedIn}, sent early in the month after it: the month
     * running then, paid on its {@link #payday}.
     */
    public static YearMonth nextPayoutAfter(YearMonth checkedIn) {
        return checkedIn.plusMonths(1);
    }
}

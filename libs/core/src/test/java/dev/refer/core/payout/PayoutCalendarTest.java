package dev.refer.core.payout;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payout calendar: a period's edges are its month's, in the program's payout time zone. */
class PayoutCalendarTest {

    private static final ZoneId BRISBANE = ZoneId.of("Australia/Brisbane"); // UTC+10, no daylight saving
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void aPeriod_startsAndEndsAtMidnightInTheZone() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), PayoutCalendar.periodStart(NOVEMBER, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), PayoutCalendar.cutoff(NOVEMBER, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-10-31T14:00:00Z"), PayoutCalendar.periodStart(NOVEMBER, BRISBANE));
        assertEquals(Instant.parse("2026-11-30T14:00:00Z"), PayoutCalendar.cutoff(NOVEMBER, BRISBANE));
    }

    @Test
    void aPeriodsCutoff_isTheNextPeriodsStart() {
        for (ZoneId zone : new ZoneId[]{ZoneOffset.UTC, BRISBANE, BERLIN}) {
            assertEquals(PayoutCalendar.periodStart(DECEMBER, zone), PayoutCalendar.cutoff(NOVEMBER, zone));
        }
    }

    @Test
    void daylightSaving_movesTheInstantNotTheDay() {
        // Berlin leaves summer time on 25 October 2026: October starts at UTC+2 and ends at UTC+1
        YearMonth october = YearMonth.of(2026, 10);
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), PayoutCalendar.periodStart(october, BERLIN));
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), PayoutCalendar.cutoff(october, BERLIN));
    }

    @Test
    void thePreviousPeriod_isTheMonthThatEndedInTheZone() {
        Instant lateUtcNovember = Instant.parse("2026-11-30T22:30:00Z"); // 1 December, 08:30 in Brisbane
        assertEquals(YearMonth.of(2026, 10), PayoutCalendar.previousPeriod(lateUtcNovember, ZoneOffset.UTC));
        assertEquals(NOVEMBER, PayoutCalendar.previousPeriod(lateUtcNovember, BRISBANE));
        assertEquals(YearMonth.of(2026, 12), PayoutCalendar.previousPeriod(Instant.parse("2027-01-01T00:00:00Z"),
                ZoneOffset.UTC), "across the year");
    }

    @Test
    void aPeriodHasEnded_fromItsCutoffOn() {
        Instant cutoff = PayoutCalendar.cutoff(NOVEMBER, BRISBANE);
        assertFalse(PayoutCalendar.hasEnded(NOVEMBER, BRISBANE, cutoff.minusMillis(1)));
        assertTrue(PayoutCalendar.hasEnded(NOVEMBER, BRISBANE, cutoff));
        assertFalse(PayoutCalendar.hasEnded(DECEMBER, BRISBANE, cutoff), "the month running is not over");
    }

    @Test
    void aPeriodsRun_isOnTheFirstOfTheNextMonth_andACheckInAnnouncesTheRunAfterIt() {
        assertEquals(LocalDate.of(2026, 12, 1), PayoutCalendar.payday(NOVEMBER));
        assertEquals(LocalDate.of(2027, 1, 1), PayoutCalendar.payday(DECEMBER));
        // November's check-in goes out in early December: the next run pays December, on 1 January
        assertEquals(DECEMBER, PayoutCalendar.nextPayoutAfter(NOVEMBER));
        assertEquals(LocalDate.of(2027, 1, 1), PayoutCalendar.payday(PayoutCalendar.nextPayoutAfter(NOVEMBER)));
    }
}

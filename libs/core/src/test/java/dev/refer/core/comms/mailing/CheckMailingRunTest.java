package dev.refer.core.comms.mailing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The noon check of the month's check-ins: not started, planning or writing, and complete are told apart. */
class CheckMailingRunTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Campaign CHECKINS = Campaign.checkin(NOVEMBER);
    private final Map<Campaign, MailingRuns.Run> stored = new HashMap<>();
    // noon of 2 December in Berlin: the month that ended is November
    private final CheckMailingRun check = new CheckMailingRun(new Runs(), ZoneId.of("Europe/Berlin"),
            Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneId.of("UTC")));

    @Test
    void checkinsThatNeverStarted_areNotStarted_andTheMonthIsTheOneThatEnded() {
        assertEquals(new CheckMailingRun.Result.NotStarted(CHECKINS), check.checkins(null));
    }

    @Test
    void checkinsStillPlanning_orWithPartnersUndecided_areIncomplete_andOnceEachIsDecided_complete() {
        stored.put(CHECKINS, run("page-2", 3, Map.of("sent", 1L)));
        assertEquals(new CheckMailingRun.Result.Incomplete(CHECKINS, false, 3, 1), check.checkins(NOVEMBER));

        stored.put(CHECKINS, run(MailingRuns.DONE, 4, Map.of("sent", 2L, "opted_out", 1L)));
        assertEquals(new CheckMailingRun.Result.Incomplete(CHECKINS, true, 4, 3), check.checkins(NOVEMBER));

        stored.put(CHECKINS, run(MailingRuns.DONE, 4, Map.of("sent", 2L, "opted_out", 1L, "suppressed", 1L)));
        assertEquals(new CheckMailingRun.Result.Complete(CHECKINS, 4), check.checkins(NOVEMBER));
        assertEquals(true, check.checkins(NOVEMBER).complete());
    }

    private static MailingRuns.Run run(String cursor, long planned, Map<String, Long> counts) {
        return new MailingRuns.Run(CHECKINS, Instant.parse("2026-12-02T08:00:00Z"), cursor, planned, counts, null);
    }

    private final class Runs implements MailingRuns {
        @Override
        public Run start(Campaign campaign, Instant at) {
            throw new UnsupportedOperationException("the check starts nothing");
        }

        @Override
        public Optional<Run> find(Campaign campaign) {
            return Optional.ofNullable(stored.get(campaign));
        }

        @Override
        public boolean advance(Campaign campaign, String from, String to, int planned, String stepId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void count(Campaign campaign, String outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void countOnce(Campaign campaign, String outcome, String key) {
            throw new UnsupportedOperationException();
        }
    }
}

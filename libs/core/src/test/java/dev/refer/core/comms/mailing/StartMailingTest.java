package dev.refer.core.comms.mailing;

import dev.refer.core.basics.page.Page;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What a schedule starts: the month that ended, or a day's digests once the day is over in the program's zone. */
class StartMailingTest {

    // 00:30 on Nov 2 in Berlin, still Nov 1 in UTC
    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T23:30:00Z"));
    private final StartMailing start = new StartMailing(new RunMailing((campaign, cursor) -> new Page<>(List.of(),
            null), new Runs(), new NoMessages(), clock, new SequenceIds()), new DigestCalendar(ZoneId.of("Europe/Berlin"), clock), clock);

    @Test
    void digests_areYesterdaysInTheProgramsZone_oneCampaignPerNotificationTopic() {
        StartMailing.Result.Started result = (StartMailing.Result.Started) start.start(
                new StartMailing.Job.Digests(null));
        assertEquals(List.of("digest#2026-11-01#leads", "digest#2026-11-01#commissions", "digest#2026-11-01#payouts"),
                result.campaigns().stream().map(b -> b.campaign().key()).toList());
    }

    @Test
    void aDayThatStillRuns_startsNoDigest() {
        assertEquals(new StartMailing.Result.DayNotOver(LocalDate.parse("2026-11-02")),
                start.start(new StartMailing.Job.Digests(LocalDate.parse("2026-11-02"))));
        assertInstanceOf(StartMailing.Result.Started.class,
                start.start(new StartMailing.Job.Digests(LocalDate.parse("2026-10-15"))));
    }

    @Test
    void checkins_areOfTheMonthThatEnded_orTheMonthAskedFor() {
        StartMailing.Result.Started ended = (StartMailing.Result.Started) start.start(
                new StartMailing.Job.Checkins(null));
        assertEquals("checkin#2026-10", ended.campaigns().getFirst().campaign().key());
        StartMailing.Result.Started asked = (StartMailing.Result.Started) start.start(
                new StartMailing.Job.Checkins(YearMonth.of(2026, 9)));
        assertEquals("checkin#2026-09", asked.campaigns().getFirst().campaign().key());
    }

    /** Runs that start empty and are done at once. */
    private static final class Runs implements MailingRuns {
        @Override
        public Run start(Campaign campaign, Instant at) {
            return new Run(campaign, at, DONE, 0, Map.of(), null);
        }

        @Override
        public Optional<Run> find(Campaign campaign) {
            return Optional.empty();
        }

        @Override
        public boolean advance(Campaign campaign, String from, String to, int planned, String stepId) {
            return true;
        }

        @Override
        public void count(Campaign campaign, String outcome) {
        }

        @Override
        public void countOnce(Campaign campaign, String outcome, String key) {
        }
    }

    private static final class NoMessages implements MailingMessages {
        @Override
        public void write(Campaign campaign, List<PartnerId> partners) {
        }

        @Override
        public void step(Campaign campaign, String cursor, String stepId) {
        }

        @Override
        public void finish(Campaign campaign) {
        }

        @Override
        public void preview(String broadcastId) {
        }
    }
}

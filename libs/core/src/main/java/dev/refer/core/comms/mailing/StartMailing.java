package dev.refer.core.comms.mailing;

import dev.refer.core.comms.Topic;
import dev.refer.core.payout.PayoutCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a scheduled mailing (the monthly and the daily schedule): the check-ins of the month that ended (or the
 * month asked for), or a day's digests of each notification topic (yesterday's, or an earlier day asked for; never a
 * day that still runs). A rerun resumes what was started and sends nothing twice.
 */
public final class StartMailing {

    /** What the schedule asks for. */
    public sealed interface Job {
        /** @param month null: the month that ended */
        record Checkins(YearMonth month) implements Job {
        }

        /** @param day null: yesterday in the program's zone */
        record Digests(LocalDate day) implements Job {
        }
    }

    public sealed interface Result {
        /** Each campaign the job started (or resumed), with its run. */
        record Started(List<Begun> campaigns) implements Result {
            public Started {
                campaigns = List.copyOf(campaigns);
            }
        }

        /** A day's digests asked for while the day still runs: nothing started. */
        record DayNotOver(LocalDate day) implements Result {
        }
    }

    public record Begun(Campaign campaign, MailingRuns.Run run) {
    }

    private final RunMailing mailing;
    private final DigestCalendar calendar;
    private final Clock clock;

    public StartMailing(RunMailing mailing, DigestCalendar calendar, Clock clock) {
        this.mailing = mailing;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Result start(Job job) {
        List<Campaign> campaigns = new ArrayList<>();
        switch (job) {
            case Job.Checkins checkins -> campaigns.add(Campaign.checkin(checkins.month() != null ? checkins.month()
                    : PayoutCalendar.previousPeriod(clock.instant(), calendar.zone())));
            case Job.Digests digests -> {
                LocalDate day = digests.day() != null ? digests.day() : calendar.yesterday();
                if (!calendar.isOver(day)) {
                    // a digest sent while its day still runs would leave the rest of the day to the next day's digest
                    return new Result.DayNotOver(day);
                }
                for (Topic topic : Topic.values()) {
                    if (topic.isNotification()) {
                        campaigns.add(Campaign.digest(day, topic));
                    }
                }
            }
        }
        List<Begun> begun = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            begun.add(new Begun(campaign, mailing.start(campaign)));
        }
        return new Result.Started(begun);
    }
}

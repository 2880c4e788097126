package dev.refer.core.comms.mailing;

import dev.refer.core.basics.page.Page;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Planning steps: a duplicated or redelivered step never forks the chain (the cursor moves before anything is sent). */
class RunMailingTest {

    private final Campaign campaign = Campaign.checkin(YearMonth.of(2026, 10));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDuplicateStepRacingTheFirstSendsNothing() {
        Fixture f = new Fixture(3);
        f.mailing.start(campaign); // page 0 planned, the step for page 1 queued
        Step first = f.messages.steps.getLast();
        // the same step delivered twice at once: the duplicate runs while the first reads its page
        f.audience.duringNextRead = () -> f.mailing.step(campaign, first.cursor(), first.id());
        f.mailing.step(campaign, first.cursor(), first.id());

        assertEquals(1, f.messages.steps.stream().filter(s -> "2".equals(s.cursor())).count(),
                "one step for the next page, whatever the duplicate did: " + f.messages.steps);
        assertEquals(List.of("p0", "p1"), f.messages.writes.stream().distinct().toList());
        assertEquals(1, f.messages.writes.stream().filter(w -> w.equals("p1")).count(),
                "page 1 written once: " + f.messages.writes);
    }

    @Test
    void aStepDeliveredAgainAfterItsCursorMovedResendsItsPageOnceAndTheChainGoesOn() {
        Fixture f = new Fixture(3);
        f.mailing.start(campaign);
        Step first = f.messages.steps.getLast();
        // the step moves the cursor, then its invocation dies before it sends anything
        f.messages.failNextWrite = true;
        try {
            f.mailing.step(campaign, first.cursor(), first.id());
        } catch (IllegalStateException expected) {
            // the invocation failed: SQS delivers the same message again
        }
        f.mailing.step(campaign, first.cursor(), first.id());
        // the chain goes on to the end
        Step next = f.messages.steps.getLast();
        f.mailing.step(campaign, next.cursor(), next.id());

        assertEquals(List.of("p0", "p1", "p2"), f.messages.writes);
        assertEquals(1, f.messages.finishes);
        assertEquals(3, f.runs.find(campaign).orElseThrow().planned());
        // a late copy of an old step changes nothing
        f.mailing.step(campaign, first.cursor(), "another-copy");
        assertEquals(List.of("p0", "p1", "p2"), f.messages.writes);
    }

    @Test
    void aStartThatFailedAfterItsMoveIsResumedByTheNextStart() {
        Fixture f = new Fixture(2);
        f.messages.failNextWrite = true;
        try {
            f.mailing.start(campaign);
        } catch (IllegalStateException expected) {
            // the schedule retries the planner
        }
        f.mailing.start(campaign);
        Step again = f.messages.steps.getLast();
        assertEquals(null, again.cursor(), "the first step again, as a message");
        f.mailing.step(campaign, again.cursor(), again.id());
        Step next = f.messages.steps.getLast();
        f.mailing.step(campaign, next.cursor(), next.id());

        assertEquals(List.of("p0", "p1"), f.messages.writes);
        assertEquals(1, f.messages.finishes);
        assertEquals(2, f.runs.find(campaign).orElseThrow().planned());
    }

    record Step(String cursor, String id) {
    }

    private final class Fixture {
        final PagedAudience audience;
        final InMemoryRuns runs = new InMemoryRuns();
        final Recorder messages = new Recorder();
        final RunMailing mailing;

        Fixture(int pages) {
            audience = new PagedAudience(pages);
            mailing = new RunMailing(audience, runs, messages, clock, new SequenceIds());
        }
    }

    /** {@code pages} pages of one partner each; cursors "1", "2"... */
    private static final class PagedAudience implements Audience {
        final int pages;
        Runnable duringNextRead;

        PagedAudience(int pages) {
            this.pages = pages;
        }

        @Override
        public Page<PartnerId> page(Campaign campaign, String cursor) {
            Runnable hook = duringNextRead;
            duringNextRead = null;
            if (hook != null) {
                hook.run();
            }
            int index = cursor == null ? 0 : Integer.parseInt(cursor);
            return new Page<>(List.of(new PartnerId(String.format("%026d", index))), index + 1 < pages ? Integer.toString(index + 1) : null);
        }
    }

    private static final class Recorder implements MailingMessages {
        final List<String> writes = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();
        int finishes;
        boolean failNextWrite;

        @Override
        public void write(Campaign campaign, List<PartnerId> partners) {
            if (failNextWrite) {
                failNextWrite = false;
                throw new IllegalStateException("the queue did not answer");
            }
            partners.forEach(p -> writes.add("p" + Long.parseLong(p.value())));
        }

        @Override
        public void step(Campaign campaign, String cursor, String stepId) {
            steps.add(new Step(cursor, stepId));
        }

        @Override
        public void finish(Campaign campaign) {
            finishes++;
        }

        @Override
        public void preview(String broadcastId) {
        }
    }

    /** The run as DynamoDbMailingRuns keeps it: the cursor moved by a condition on where it was. */
    private static final class InMemoryRuns implements MailingRuns {
        private Run run;

        @Override
        public Run start(Campaign campaign, Instant at) {
            if (run == null) {
                run = new Run(campaign, at, null, 0, java.util.Map.of(), null);
            }
            return run;
        }

        @Override
        public java.util.Optional<Run> find(Campaign campaign) {
            return java.util.Optional.ofNullable(run);
        }

        @Override
        public boolean advance(Campaign campaign, String from, String to, int planned, String stepId) {
            if (!java.util.Objects.equals(run.cursor(), from) || run.planningDone()) {
                return false;
            }
            run = new Run(campaign, run.startedAt(), to, run.planned() + planned, run.counts(),
                    new LastStep(from, stepId));
            return true;
        }

        @Override
        public void count(Campaign campaign, String outcome) {
        }

        @Override
        public void countOnce(Campaign campaign, String outcome, String sendKey) {
        }
    }
}

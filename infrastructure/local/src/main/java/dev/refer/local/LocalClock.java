package dev.refer.local;

import dev.refer.core.basics.time.Clocks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's test clock, like Stripe's test clocks: every function of the stack reads the time from it
 * ({@link Clocks}, enabled by the {@value Clocks#TEST_CLOCK_VARIABLE} variable the stack adds to each environment).
 * Moving it forward runs the schedules that came due on the way, in order, each at its own time and each followed by
 * the work it queued (the payout run's workers, the check-ins' mail), as EventBridge Scheduler would have. It never
 * moves back: what was written stays written.
 */
final class LocalClock {

    /** A schedule run while the clock moved. */
    record Run(String schedule, Instant at) {
    }

    private final ScheduledFunctions schedules;
    private final Runnable awaitIdle;

    LocalClock(ScheduledFunctions schedules, Runnable awaitIdle) {
        this.schedules = schedules;
        this.awaitIdle = awaitIdle;
    }

    private static final java.time.Clock CLOCK = Clocks.test();

    static Instant now() {
        return CLOCK.instant();
    }

    /** Moves to {@code target}, running every schedule due on the way; answers the runs. */
    synchronized List<Run> advanceTo(Instant target) throws IOException {
        Instant from = now();
        if (target.isBefore(from)) {
            throw new IllegalArgumentException("the clock never moves back: it is " + from + ", asked for " + target);
        }
        List<Run> runs = new ArrayList<>();
        for (ScheduledFunctions.Firing firing : schedules.firingsBetween(from, target)) {
            set(firing.at());
            schedules.invoke(firing.path());
            awaitIdle.run();
            runs.add(new Run(firing.path(), firing.at()));
        }
        set(target);
        return runs;
    }

    List<Run> advance(Duration by) throws IOException {
        return advanceTo(now().plus(by));
    }

    /**
     * The demo's seeding only: sets the time, backwards too, running nothing (the history it writes is dated so);
     * null is the real time again.
     */
    static void travelTo(Instant at) {
        if (at == null) {
            reset();
        } else {
            set(at);
        }
    }

    /** Back to the real time (a new stack). */
    static void reset() {
        System.clearProperty(Clocks.OFFSET_PROPERTY);
    }

    private static void set(Instant now) {
        System.setProperty(Clocks.OFFSET_PROPERTY, Long.toString(now.toEpochMilli() - System.currentTimeMillis()));
    }
}

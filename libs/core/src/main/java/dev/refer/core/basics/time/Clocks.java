package dev.refer.core.basics.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The clock a function reads the time from. On AWS: the system's. In the local stack, whose environment says
 * {@value #TEST_CLOCK_VARIABLE}, a test clock: the system's moved by the offset the stack sets in the system property
 * {@value #OFFSET_PROPERTY} (every function of the stack runs in its JVM), read at every tick, so moving the stack's
 * clock moves every function's at once.
 */
public final class Clocks {

    public static final String TEST_CLOCK_VARIABLE = "REFER_TEST_CLOCK";
    public static final String OFFSET_PROPERTY = "refer.testClock.offsetMillis";

    private Clocks() {
    }

    public static Clock of(Map<String, String> env) {
        return "on".equals(env.get(TEST_CLOCK_VARIABLE)) ? test() : Clock.systemUTC();
    }

    /** The test clock (the local stack tells and moves its time through it). */
    public static Clock test() {
        return new TestClock(ZoneOffset.UTC);
    }

    /** The system clock moved by {@value #OFFSET_PROPERTY} milliseconds, read at every tick. */
    static final class TestClock extends Clock {

        private final ZoneId zone;

        TestClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new TestClock(zone);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + Long.getLong(OFFSET_PROPERTY, 0);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}

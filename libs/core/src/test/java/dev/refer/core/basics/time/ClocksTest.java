package dev.refer.core.basics.time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClocksTest {

    @AfterEach
    void reset() {
        System.clearProperty(Clocks.OFFSET_PROPERTY);
    }

    @Test
    void onAws_theSystemClock_whateverTheOffsetProperty() {
        System.setProperty(Clocks.OFFSET_PROPERTY, Long.toString(Duration.ofDays(40).toMillis()));
        assertEquals(Clock.systemUTC(), Clocks.of(Map.of()));
    }

    @Test
    void inTheLocalStack_theTestClockFollowsTheOffset_atEveryTick() {
        Clock clock = Clocks.of(Map.of(Clocks.TEST_CLOCK_VARIABLE, "on"));
        long drift = Math.abs(clock.millis() - System.currentTimeMillis());
        assertTrue(drift < 1_000, "no offset: now");

        System.setProperty(Clocks.OFFSET_PROPERTY, Long.toString(Duration.ofDays(31).toMillis()));
        long ahead = clock.millis() - System.currentTimeMillis();
        assertTrue(Math.abs(ahead - Duration.ofDays(31).toMillis()) < 1_000, "the same clock object moved: " + ahead);
        assertEquals(clock.millis() / 60_000, clock.instant().toEpochMilli() / 60_000);
    }
}

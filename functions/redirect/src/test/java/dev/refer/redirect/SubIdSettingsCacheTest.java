package dev.refer.redirect;

import dev.refer.core.link.SubIdSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The redirect reads the program's sub-id names at most once a minute per environment; a failed read is not kept. */
class SubIdSettingsCacheTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theNamesAreReadOncePerTtl() {
        AtomicInteger reads = new AtomicInteger();
        SubIdSettings stored = new SubIdSettings(List.of("sub1"));
        Supplier<SubIdSettings> cached = RedirectWiring.cachedSubIdSettings(() -> {
            reads.incrementAndGet();
            return stored;
        }, clock);

        assertSame(stored, cached.get());
        assertSame(stored, cached.get());
        assertEquals(1, reads.get());
        now = now.plus(RedirectWiring.SUB_ID_SETTINGS_TTL).plus(Duration.ofSeconds(1));
        cached.get();
        assertEquals(2, reads.get());
    }

    @Test
    void aFailedRead_isNotCached_andIsTriedAgainAtTheNextVisit() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<SubIdSettings> cached = RedirectWiring.cachedSubIdSettings(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("throttled");
            }
            return SubIdSettings.NONE;
        }, clock);

        assertThrows(IllegalStateException.class, cached::get);
        assertSame(SubIdSettings.NONE, cached.get());
        assertEquals(2, reads.get());
    }
}

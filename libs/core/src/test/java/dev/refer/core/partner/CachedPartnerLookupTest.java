package dev.refer.core.partner;

import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CachedPartnerLookupTest {

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryStore store = new InMemoryStore();
    private final Partner anna = Fixtures.activePartner("01JC0000000000000000000001", "anna@partner.example");
    private final CachedPartnerLookup cache = new CachedPartnerLookup(store, clock, Duration.ofSeconds(30), 10);

    @Test
    void find_whenSuspendedElsewhere_isSeenOnceTheTtlPassed() {
        store.create(anna);
        assertEquals(PartnerStatus.ACTIVE, cache.find(anna.id()).orElseThrow().status());
        store.updateStatus(anna.id(), PartnerStatus.SUSPENDED); // the admin API, in another environment
        assertEquals(PartnerStatus.ACTIVE, cache.find(anna.id()).orElseThrow().status(), "within the TTL");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(PartnerStatus.SUSPENDED, cache.find(anna.id()).orElseThrow().status());
    }

    @Test
    void updateStatus_throughTheCache_isSeenAtOnce() {
        store.create(anna);
        cache.find(anna.id());
        cache.updateStatus(anna.id(), PartnerStatus.SUSPENDED);
        assertEquals(PartnerStatus.SUSPENDED, cache.find(anna.id()).orElseThrow().status());
    }
}

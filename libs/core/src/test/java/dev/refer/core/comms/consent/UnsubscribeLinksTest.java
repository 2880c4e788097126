package dev.refer.core.comms.consent;

import dev.refer.core.comms.Topic;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation of the link secret on a warm environment: refreshed, re-read on a miss, and forged links stay cheap. */
class UnsubscribeLinksTest {

    private static final PartnerId ADA = new PartnerId("01JC0000000000000000000001");

    @Test
    void aRotatedSecretIsUsedWithoutARestart_andForgedLinksCostAtMostOneReadPerInterval() {
        TestClock clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
        List<List<String>> versions = new ArrayList<>(List.of(List.of("first-secret-0123456789")));
        int[] reads = {0};
        UnsubscribeLinks links = new UnsubscribeLinks("https://api.example", () -> {
            reads[0]++;
            return versions.getLast();
        }, clock);
        String first = links.token(ADA, Topic.CHECKIN);
        assertEquals(1, reads[0]);

        versions.add(List.of("second-secret-0123456789", "first-secret-0123456789")); // rotated
        String second = new UnsubscribeLinks("", () -> List.of("second-secret-0123456789"))
                .token(ADA, Topic.CHECKIN);
        String forged = new UnsubscribeLinks("", () -> List.of("forged-secret-0123456789")).token(ADA, Topic.CHECKIN);
        assertTrue(links.verify(second).isEmpty(), "read a moment ago: not read again at once");
        clock.advance(UnsubscribeLinks.MISS_RELOAD.plusSeconds(1));
        assertTrue(links.verify(second).isPresent(), "a miss reads the secrets again");
        assertTrue(links.verify(first).isPresent(), "the previous secret still verifies");
        int afterRotation = reads[0];
        for (int i = 0; i < 100; i++) {
            assertTrue(links.verify(forged).isEmpty());
        }
        assertEquals(afterRotation, reads[0], "forged links do not each cost a read");

        clock.advance(UnsubscribeLinks.REFRESH.plus(Duration.ofSeconds(1)));
        assertEquals(second, links.token(ADA, Topic.CHECKIN), "signs with the new secret after the refresh");
    }
}

package dev.refer.core.terms;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryTerms;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptTermsTest {

    private static final PartnerId ADA = new PartnerId("01JD0000000000000000000ADA");

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryTerms book = new InMemoryTerms();
    private final AcceptTerms accept = new AcceptTerms(book, clock);

    @Test
    void acceptsTheCurrentVersion_withItsEvidence_andASecondTimeKeepsTheFirst() {
        book.publish(new Terms("v1", "Terms.", Fixtures.NOW.minusSeconds(60)));

        var first = assertInstanceOf(AcceptTerms.Result.Accepted.class,
                accept.accept(new AcceptTerms.Command(ADA, "v1", "203.0.113.7", "Mozilla/5.0")));
        assertTrue(first.now());
        assertEquals(new Acceptance(ADA, "v1", Fixtures.NOW, "203.0.113.7", "Mozilla/5.0"), first.acceptance());

        clock.advance(Duration.ofMinutes(5));
        var again = assertInstanceOf(AcceptTerms.Result.Accepted.class,
                accept.accept(new AcceptTerms.Command(ADA, "v1", "198.51.100.1", "curl")));
        assertFalse(again.now());
        assertEquals(first.acceptance(), again.acceptance(), "the first acceptance is the evidence");
        assertEquals(1, book.acceptances.size());
    }

    @Test
    void refusesAVersionThatIsNotTheCurrentOne() {
        book.publish(new Terms("v1", "Terms.", Fixtures.NOW.minusSeconds(120)));
        Terms v2 = new Terms("v2", "New terms.", Fixtures.NOW.minusSeconds(60));
        book.publish(v2);

        assertEquals(new AcceptTerms.Result.NotCurrent(v2),
                accept.accept(new AcceptTerms.Command(ADA, "v1", null, null)));
        assertEquals(new AcceptTerms.Result.NotCurrent(v2),
                accept.accept(new AcceptTerms.Command(ADA, "v3", null, null)));
        assertEquals(new AcceptTerms.Result.NotCurrent(v2),
                accept.accept(new AcceptTerms.Command(ADA, null, null, null)));
        assertTrue(book.acceptances.isEmpty());
    }

    @Test
    void nothingPublished_nothingToAccept() {
        assertEquals(new AcceptTerms.Result.NoTerms(), accept.accept(new AcceptTerms.Command(ADA, "v1", null, null)));
        assertTrue(book.acceptances.isEmpty());
    }

    @Test
    void evidenceIsBounded_notRefused() {
        book.publish(new Terms("v1", "Terms.", Fixtures.NOW));
        var accepted = assertInstanceOf(AcceptTerms.Result.Accepted.class, accept.accept(
                new AcceptTerms.Command(ADA, "v1", "  ", "x".repeat(5000))));
        assertEquals(null, accepted.acceptance().ip());
        assertEquals(Acceptance.MAX_USER_AGENT, accepted.acceptance().userAgent().length());
    }

    @Test
    void aVersionIsAPlainLabel_andTheTextIsRequired() {
        Invalid invalid = assertThrows(Invalid.class, () -> new Terms("v#1", " ", Fixtures.NOW));
        assertEquals(2, invalid.violations().size());
        assertThrows(Invalid.class, () -> new Terms("x".repeat(41), "t", Fixtures.NOW));
        assertThrows(Invalid.class, () -> new Terms("-v1", "t", Fixtures.NOW));
        assertEquals("2026.12_b-1", new Terms(" 2026.12_b-1 ", "t", Fixtures.NOW).version());
        assertTrue(Terms.isVersion("v2"));
        assertFalse(Terms.isVersion("v 2"));
        assertEquals(Optional.empty(), book.current());
    }
}

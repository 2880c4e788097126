package dev.refer.core.terms;

import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryTerms;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermsToAcceptTest {

    private static final PartnerId ADA = new PartnerId("01JD0000000000000000000ADA");
    private static final PartnerId BOB = new PartnerId("01JD0000000000000000000B0B");

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryTerms book = new InMemoryTerms();
    private final TermsToAccept gate = new TermsToAccept(book, clock, Duration.ofSeconds(60));
    private final AcceptTerms accept = new AcceptTerms(book, clock);

    @Test
    void noTermsPublished_nothingToAccept() {
        assertEquals(Optional.empty(), gate.pendingFor(ADA));
    }

    @Test
    void aPartnerWhoHasNotAccepted_isAskedUntilTheyDo_thenNeverReadAgain() {
        Terms v1 = new Terms("v1", "Terms.", Fixtures.NOW);
        book.publish(v1);

        assertEquals(Optional.of(v1), gate.pendingFor(ADA));
        assertEquals(Optional.of(v1), gate.pendingFor(ADA), "still to accept: read again each time");
        assertEquals(2, book.acceptanceReads);

        accept.accept(new AcceptTerms.Command(ADA, "v1", null, null));
        assertEquals(Optional.empty(), gate.pendingFor(ADA), "open at the next request");
        int reads = book.acceptanceReads;
        gate.pendingFor(ADA);
        gate.pendingFor(ADA);
        assertEquals(reads, book.acceptanceReads, "an acceptance is remembered");
        assertEquals(Optional.of(v1), gate.pendingFor(BOB));
        assertEquals(2, book.currentReads, "the gate read the current version once (cached), AcceptTerms once");
    }

    @Test
    void aNewVersion_reachesTheGateWithinTheTtl_andAsksEveryoneAgain() {
        book.publish(new Terms("v1", "Terms.", Fixtures.NOW));
        accept.accept(new AcceptTerms.Command(ADA, "v1", null, null));
        assertEquals(Optional.empty(), gate.pendingFor(ADA));

        Terms v2 = new Terms("v2", "New terms.", Fixtures.NOW.plusSeconds(10));
        book.publish(v2);
        assertEquals(Optional.empty(), gate.pendingFor(ADA), "the cached version holds for its TTL");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Optional.of(v2), gate.pendingFor(ADA));

        gate.refresh();
        accept.accept(new AcceptTerms.Command(ADA, "v2", null, null));
        assertEquals(Optional.empty(), gate.pendingFor(ADA));
    }
}

package dev.refer.dynamodb.terms;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.Terms;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbTermsBookTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final PartnerId ADA = new PartnerId("01JD0000000000000000000ADA");
    private static final PartnerId BOB = new PartnerId("01JD0000000000000000000B0B");

    private final TestTable table = TestTable.create();
    private final DynamoDbTermsBook book = new DynamoDbTermsBook(table.client(), table.config());

    @Test
    void nothingPublished_noCurrentTerms() {
        assertEquals(Optional.empty(), book.current());
        assertEquals(List.of(), book.history(PageRequest.first(10)).items());
    }

    @Test
    void publish_makesTheVersionCurrent_aVersionIsPublishedOnce_andHistoryIsNewestFirst() {
        Terms v1 = new Terms("v1", "First terms.", T0);
        Terms v2 = new Terms("v2", "Second terms <b>bold</b>.", T0.plusSeconds(3600));

        assertTrue(book.publish(v1));
        assertEquals(Optional.of(v1), book.current());
        assertTrue(book.publish(v2));
        assertEquals(Optional.of(v2), book.current());

        assertFalse(book.publish(new Terms("v1", "Edited first terms.", T0.plusSeconds(7200))),
                "a version is never edited");
        assertEquals(Optional.of(v2), book.current(), "a refused version changes nothing");
        assertEquals(Optional.of(v1), book.find("v1"));
        assertEquals(Optional.empty(), book.find("v9"));

        assertEquals(List.of(v2, v1), book.history(PageRequest.first(10)).items());
        Page<Terms> first = book.history(PageRequest.first(1));
        assertEquals(List.of(v2), first.items());
        assertEquals(List.of(v1), book.history(new PageRequest(1, first.nextCursor())).items());
        assertEquals(2, table.count("TERMS"));
        assertEquals(1, table.count("TERMS_CURRENT"));
    }

    @Test
    void accept_isOncePerPartnerAndVersion_theFirstKept() {
        Acceptance first = new Acceptance(ADA, "v1", T0, "203.0.113.7", "Mozilla/5.0");
        assertTrue(book.accept(first));
        assertFalse(book.accept(new Acceptance(ADA, "v1", T0.plusSeconds(60), "198.51.100.1", "curl")));
        assertTrue(book.accept(new Acceptance(ADA, "v2", T0.plusSeconds(120), null, null)));
        assertTrue(book.accept(new Acceptance(BOB, "v1", T0.plusSeconds(30), "::1", null)));

        assertEquals(Optional.of(first), book.acceptance(ADA, "v1"));
        assertEquals(Optional.empty(), book.acceptance(BOB, "v2"));
        Acceptance noEvidence = book.acceptance(ADA, "v2").orElseThrow();
        assertNull(noEvidence.ip());
        assertNull(noEvidence.userAgent());

        assertEquals(List.of("v2", "v1"), book.acceptances(ADA, PageRequest.first(10)).items().stream()
                .map(Acceptance::version).toList(), "newest first");
        assertEquals(List.of(new Acceptance(BOB, "v1", T0.plusSeconds(30), "::1", null)),
                book.acceptances(BOB, PageRequest.first(10)).items(), "each partner only theirs");
        assertEquals(3, table.count("TERMS_ACCEPTANCE"));
    }
}

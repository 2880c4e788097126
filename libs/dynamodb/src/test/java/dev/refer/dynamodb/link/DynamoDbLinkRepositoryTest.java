package dev.refer.dynamodb.link;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbLinkRepositoryTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbLinkRepository links = new DynamoDbLinkRepository(table.client(), table.config());

    @Test
    void create_thenFind_roundTripsTheLink() {
        Link link = fixtures.link(fixtures.partnerId(), "ada-news");

        assertTrue(links.create(link));

        assertEquals(link, links.find(new LinkCode("ada-news")).orElseThrow());
    }

    @Test
    void create_whenCodeTaken_isFalseAndKeepsTheFirstLink() {
        Link first = fixtures.link(fixtures.partnerId(), "ada-news");
        links.create(first);

        assertFalse(links.create(fixtures.link(fixtures.partnerId(), "ada-news")));

        assertEquals(first, links.find(new LinkCode("ada-news")).orElseThrow());
        assertEquals(1, table.count("LINK"));
    }

    @Test
    void find_whenUnknown_isEmpty() {
        assertTrue(links.find(new LinkCode("nope")).isEmpty());
    }

    @Test
    void setEnabled_whenLinkExists_returnsTheUpdatedLink() {
        Link link = fixtures.link(fixtures.partnerId(), "ada-news");
        links.create(link);

        assertEquals(link.withEnabled(false), links.setEnabled(link.code(), false).orElseThrow());
        assertFalse(links.find(link.code()).orElseThrow().enabled());
    }

    @Test
    void setEnabled_whenNoSuchLink_isEmptyAndCreatesNoStub() {
        assertTrue(links.setEnabled(new LinkCode("ghost"), true).isEmpty());

        assertNull(table.item("LINK#ghost", "LINK"));
    }

    @Test
    void setPartnerActive_rewritesEveryLinkOfThatPartnerOnly() {
        PartnerId partner = fixtures.partnerId();
        PartnerId other = fixtures.partnerId();
        for (String code : List.of("ada-1", "ada-2", "ada-3")) {
            links.create(fixtures.link(partner, code));
        }
        links.create(fixtures.link(other, "bob-1"));

        links.setPartnerActive(partner, false);

        for (String code : List.of("ada-1", "ada-2", "ada-3")) {
            assertFalse(links.find(new LinkCode(code)).orElseThrow().partnerActive(), code);
        }
        assertTrue(links.find(new LinkCode("bob-1")).orElseThrow().partnerActive());
    }

    @Test
    void linksOf_acrossPages_isNewestFirstEvenAcrossWholeSeconds() {
        PartnerId partner = fixtures.partnerId();
        // Instant.toString() of a whole second ("...:00Z") sorts after "...:00.500Z"; the key must not.
        Link older = link(partner, "old-one", "2026-05-04T10:00:00.500Z");
        Link newer = link(partner, "new-one", "2026-05-04T10:00:01Z");
        Link newest = link(partner, "newest", "2026-05-04T10:00:01.001Z");
        links.create(newer);
        links.create(older);
        links.create(newest);

        Page<Link> first = links.linksOf(partner, PageRequest.first(2));
        Page<Link> second = links.linksOf(partner, new PageRequest(2, first.nextCursor()));

        assertEquals(List.of(newest, newer), first.items());
        assertEquals(List.of(older), second.items());
        assertNull(second.nextCursor());
    }

    @Test
    void linksOf_whenCursorOfAnotherPartner_isInvalid() {
        PartnerId partner = fixtures.partnerId();
        links.create(fixtures.link(partner, "ada-1"));
        links.create(fixtures.link(partner, "ada-2"));
        String cursor = links.linksOf(partner, PageRequest.first(1)).nextCursor();

        assertThrows(Invalid.class, () -> links.linksOf(fixtures.partnerId(), new PageRequest(1, cursor)));
    }

    private static Link link(PartnerId partner, String code, String createdAt) {
        return new Link(new LinkCode(code), partner, URI.create("https://example.com/"), null, true, true,
                Instant.parse(createdAt));
    }
}

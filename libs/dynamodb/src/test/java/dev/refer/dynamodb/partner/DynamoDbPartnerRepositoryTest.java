package dev.refer.dynamodb.partner;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbPartnerRepositoryTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());

    @Test
    void create_thenFind_roundTripsThePartnerAndItsPlan() {
        Partner partner = fixtures.partnerWithPlan("ada@example.com");

        assertTrue(partners.create(partner));

        assertEquals(partner, partners.find(partner.id()).orElseThrow());
        assertEquals(1, table.count("PARTNER_EMAIL"));
    }

    @Test
    void create_whenEmailTaken_isFalseAndWritesNothing() {
        assertTrue(partners.create(fixtures.partner("ada@example.com")));
        Partner second = fixtures.partner("ada@example.com");

        assertFalse(partners.create(second));

        assertTrue(partners.find(second.id()).isEmpty());
        assertEquals(1, table.count("PARTNER"));
        assertEquals(1, table.count("PARTNER_EMAIL"));
    }

    @Test
    void find_whenUnknown_isEmpty() {
        assertTrue(partners.find(fixtures.partnerId()).isEmpty());
    }

    @Test
    void updateStatus_whenPartnerExists_returnsTheUpdatedPartner() {
        Partner partner = fixtures.partner("ada@example.com");
        partners.create(partner);

        Partner updated = partners.updateStatus(partner.id(), PartnerStatus.SUSPENDED).orElseThrow();

        assertEquals(partner.withStatus(PartnerStatus.SUSPENDED), updated);
        assertEquals(PartnerStatus.SUSPENDED, partners.find(partner.id()).orElseThrow().status());
    }

    @Test
    void updateStatus_whenNoSuchPartner_isEmptyAndCreatesNoStub() {
        PartnerId unknown = fixtures.partnerId();

        assertTrue(partners.updateStatus(unknown, PartnerStatus.ACTIVE).isEmpty());

        assertNull(table.item("PARTNER#" + unknown.value(), "PARTNER"));
    }

    @Test
    void list_acrossPages_isNewestFirstWithACursorUntilTheLastPage() {
        List<Partner> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Partner partner = fixtures.partner("p" + i + "@example.com");
            partners.create(partner);
            created.add(0, partner);
        }

        Page<Partner> first = partners.list(PageRequest.first(2));
        Page<Partner> second = partners.list(new PageRequest(2, first.nextCursor()));
        Page<Partner> last = partners.list(new PageRequest(2, second.nextCursor()));

        assertEquals(created.subList(0, 2), first.items());
        assertEquals(created.subList(2, 4), second.items());
        assertEquals(created.subList(4, 5), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void list_whenPageIsExactlyFull_hasNoCursor() {
        partners.create(fixtures.partner("a@example.com"));
        partners.create(fixtures.partner("b@example.com"));

        Page<Partner> page = partners.list(PageRequest.first(2));

        assertEquals(2, page.items().size());
        assertNull(page.nextCursor());
    }

    @Test
    void list_whenCursorIsNotOneWeReturned_isInvalid() {
        Invalid invalid = assertThrows(Invalid.class, () -> partners.list(new PageRequest(2, "bm90LWEtY3Vyc29y")));

        assertEquals("cursor", invalid.violations().get(0).field());
    }
}

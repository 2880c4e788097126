package dev.refer.dynamodb.partner;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's update of a partner's name, company and plan, on DynamoDB Local. */
class DynamoDbPartnerDetailsTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());
    private final DynamoDbPartnerDetails details = new DynamoDbPartnerDetails(table.client(), table.config());

    @Test
    void update_setsNameCompanyAndPlan_thenRemovesCompanyAndPlan_leavingTheRestAlone() {
        Partner plain = fixtures.partner("ada@example.com");
        partners.create(plain);
        Partner withPlan = fixtures.partnerWithPlan("other@example.com");

        Partner updated = details.update(plain.id(), "Ada L.", "Lovelace Ltd", withPlan.planOverride()).orElseThrow();
        assertEquals(new Partner(plain.id(), "Ada L.", plain.email(), "Lovelace Ltd", plain.status(),
                withPlan.planOverride(), plain.createdAt()), updated);
        assertEquals(updated, partners.find(plain.id()).orElseThrow(), "the plan round-trips");

        Partner cleared = details.update(plain.id(), "Ada", null, null).orElseThrow();
        assertNull(cleared.company());
        assertNull(cleared.planOverride());
        assertEquals(cleared, partners.find(plain.id()).orElseThrow());
        assertEquals(1, table.count("PARTNER"));
    }

    @Test
    void update_ofAnUnknownPartner_isEmptyAndCreatesNothing() {
        assertTrue(details.update(fixtures.partnerId(), "Nobody", null, null).isEmpty());
        assertEquals(0, table.count("PARTNER"));
        assertTrue(table.items().isEmpty());
    }
}

package dev.refer.dynamodb;

import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionKind;
import dev.refer.core.commission.CommissionStatus;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LeadRepository.Creation;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.validation.Invalid;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbLeadRepositoryTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbLeadRepository leads = new DynamoDbLeadRepository(table.client(), table.config());
    private final DynamoDbStatsRepository stats = new DynamoDbStatsRepository(table.client(), table.config());
    private final DynamoDbLedgerRepository ledger = new DynamoDbLedgerRepository(table.client(), table.config());

    @Test
    void create_whenEmailIsNew_storesTheLeadAndItsCounters() {
        PartnerId partner = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", partner);

        Creation creation = leads.create(lead, newLead(partner));

        assertEquals(new Creation.Created(lead.id()), creation);
        assertEquals(lead, leads.find(lead.id()).orElseThrow());
        PartnerStats counters = stats.partnerStats(partner, MAY);
        assertEquals(Map.of(Counters.LEADS, 1L, "leadStatus.NEW", 1L), counters.allTime());
        assertEquals(Map.of(Counters.LEADS, 1L), counters.month(), "status counters are all-time only");
    }

    @Test
    void create_whenEmailTaken_isDuplicateOfTheExistingLeadAndWritesNothing() {
        PartnerId partner = fixtures.partnerId();
        Lead first = fixtures.lead("grace@example.com", partner);
        leads.create(first, newLead(partner));
        Lead again = fixtures.lead("grace@example.com", fixtures.partnerId());

        Creation creation = leads.create(again, newLead(again.attribution().partnerId()));

        assertEquals(new Creation.Duplicate(first.id()), creation);
        assertEquals(1, table.count("LEAD"));
        assertEquals(1, table.count("LEAD_EMAIL"));
        assertEquals(2, table.count("PARTNER_STATS"), "only the first lead's ALL and month counters");
        assertEquals(1L, stats.partnerStats(partner, null).allTime(Counters.LEADS));
        assertTrue(leads.find(again.id()).isEmpty());
    }

    @Test
    void create_whenOrganic_storesWithoutCountersUnderTheOrganicListing() {
        Lead lead = fixtures.lead("walk-in@example.com", null);

        assertEquals(new Creation.Created(lead.id()), leads.create(lead, null));

        assertEquals(lead, leads.find(lead.id()).orElseThrow());
        assertEquals("PROGRAM#test#ORGANIC_LEADS", table.item("LEAD#" + lead.id().value(), "LEAD").get("gsi1pk").s());
        assertEquals(0, table.count("PARTNER_STATS"));
    }

    @Test
    void findByEmail_findsTheLeadThroughItsEmailGuard() {
        Lead lead = fixtures.lead("grace@example.com", fixtures.partnerId());
        leads.create(lead, null);

        assertEquals(lead, leads.findByEmail(new EmailAddress("Grace@Example.com")).orElseThrow());
        assertTrue(leads.findByEmail(new EmailAddress("nobody@example.com")).isEmpty());
    }

    @Test
    void review_whenStatusIsAsExpected_writesStatusRewardAndCounters() {
        PartnerId partner = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", partner);
        leads.create(lead, newLead(partner));
        Lead qualified = lead.withStatus(LeadStatus.QUALIFIED, "good fit", fixtures.now());
        Commission reward = fixtures.commission(partner, CommissionKind.QUALIFIED_LEAD, 2_500, lead.id().value(), null);

        assertTrue(leads.review(qualified, LeadStatus.NEW, reward, qualifiedLead(partner, reward)));

        assertEquals(qualified, leads.find(lead.id()).orElseThrow());
        assertEquals(List.of(reward), ledger.commissionsOf(partner, PageRequest.first(10)).items());
        PartnerStats counters = stats.partnerStats(partner, MAY);
        assertEquals(0L, counters.allTime("leadStatus.NEW"));
        assertEquals(1L, counters.allTime("leadStatus.QUALIFIED"));
        assertEquals(2_500L, counters.allTime("commissionStatus.PENDING.EUR"));
        assertEquals(2_500L, counters.month().get("commissionEarned.EUR"));
    }

    @Test
    void review_whenStatusChangedMeanwhile_isFalseAndWritesNothing() {
        PartnerId partner = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", partner);
        leads.create(lead, newLead(partner));
        leads.review(lead.withStatus(LeadStatus.REJECTED, "no budget", fixtures.now()), LeadStatus.NEW, null, null);
        Lead qualified = lead.withStatus(LeadStatus.QUALIFIED, null, fixtures.now());
        Commission reward = fixtures.commission(partner, CommissionKind.QUALIFIED_LEAD, 2_500, lead.id().value(), null);

        assertFalse(leads.review(qualified, LeadStatus.NEW, reward, qualifiedLead(partner, reward)));

        Lead stored = leads.find(lead.id()).orElseThrow();
        assertEquals(LeadStatus.REJECTED, stored.status());
        assertEquals("no budget", stored.statusReason());
        assertEquals(0, table.count("COMMISSION"));
        assertEquals(Map.of(Counters.LEADS, 1L, "leadStatus.NEW", 1L), stats.partnerStats(partner, null).allTime());
    }

    @Test
    void review_whenReasonIsCleared_removesTheOldReason() {
        Lead lead = fixtures.lead("grace@example.com", null);
        leads.create(lead, null);
        leads.review(lead.withStatus(LeadStatus.QUALIFIED, "first look", fixtures.now()), LeadStatus.NEW, null, null);

        assertTrue(leads.review(lead.withStatus(LeadStatus.REJECTED, null, fixtures.now()), LeadStatus.QUALIFIED,
                null, null));

        assertNull(leads.find(lead.id()).orElseThrow().statusReason());
    }

    @Test
    void leadsOf_acrossPages_isNewestFirst() {
        PartnerId partner = fixtures.partnerId();
        Lead a = fixtures.lead("a@example.com", partner);
        Lead b = fixtures.lead("b@example.com", partner);
        Lead c = fixtures.lead("c@example.com", partner);
        leads.create(fixtures.lead("other@example.com", fixtures.partnerId()), null);
        for (Lead lead : List.of(b, c, a)) {
            leads.create(lead, null);
        }

        Page<Lead> first = leads.leadsOf(partner, PageRequest.first(2));
        Page<Lead> second = leads.leadsOf(partner, new PageRequest(2, first.nextCursor()));

        assertEquals(List.of(c, b), first.items());
        assertEquals(List.of(a), second.items());
        assertNull(second.nextCursor());
        assertThrows(Invalid.class, () -> leads.leadsOf(partner, new PageRequest(2, "%%%")));
    }

    private StatsDelta newLead(PartnerId partner) {
        return StatsDelta.forPartner(partner, Instant.parse("2026-05-04T10:00:00Z"))
                .event(Counters.LEADS, 1)
                .status("leadStatus.NEW", 1)
                .build();
    }

    private StatsDelta qualifiedLead(PartnerId partner, Commission reward) {
        return StatsDelta.forPartner(partner, reward.earnedAt())
                .event(Counters.LEADS_QUALIFIED, 1)
                .status("leadStatus.NEW", -1)
                .status("leadStatus.QUALIFIED", 1)
                .event("commissionEarned.EUR", reward.amount().minor())
                .status(Counters.commissionStatus(CommissionStatus.PENDING, reward.amount().currency()),
                        reward.amount().minor())
                .build();
    }
}

package dev.refer.dynamodb.lead;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadRepository.Creation;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbLeadRepositoryTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbLeadRepository leads = new DynamoDbLeadRepository(table.client(), table.config());
    private final DynamoDbCommissionLedger ledger = new DynamoDbCommissionLedger(table.client(), table.config());

    private Map<String, AttributeValue> guard(String email) {
        return table.item("LEAD_EMAIL#test#" + email, "LEAD_EMAIL");
    }

    @Test
    void create_whenEmailIsNew_storesTheLeadAndAGuardThatCarriesWhatASaleWeighs() {
        PartnerId partner = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", partner);

        assertEquals(new Creation.Created(lead.id()), leads.create(lead));

        assertEquals(lead, leads.find(lead.id()).orElseThrow());
        assertEquals(lead, leads.findByEmail(new EmailAddress("GRACE@example.com")).orElseThrow());
        Map<String, AttributeValue> guard = guard("grace@example.com");
        assertEquals(lead.id().value(), guard.get("leadId").s());
        assertEquals("NEW", guard.get("status").s());
        assertEquals(partner.value(), guard.get("attribution").m().get("partnerId").s());
        assertEquals(lead.createdAt().toString(), guard.get("createdAt").s());
        assertNull(guard.get("expiresAt"), "an attributed lead is kept");
    }

    @Test
    void create_whenEmailTaken_isDuplicateOfTheExistingLeadAndWritesNothing() {
        Lead first = fixtures.lead("grace@example.com", fixtures.partnerId());
        leads.create(first);
        int before = table.items().size();

        Creation second = leads.create(fixtures.lead("grace@example.com", fixtures.partnerId()));

        assertEquals(new Creation.Duplicate(first.id()), second);
        assertEquals(before, table.items().size());
    }

    @Test
    void create_whenOrganic_expiresLeadAndGuardTogether_underAShardedListing() {
        Lead lead = fixtures.lead("walkin@example.com", null);
        leads.create(lead);

        Map<String, AttributeValue> item = table.item("LEAD#" + lead.id().value(), "LEAD");
        long expiresAt = lead.expiresAt().getEpochSecond();
        assertEquals(Long.toString(expiresAt), item.get("expiresAt").n());
        assertEquals(Long.toString(expiresAt), guard("walkin@example.com").get("expiresAt").n());
        assertTrue(item.get("gsi1pk").s().startsWith("PROGRAM#test#ORGANIC_LEADS#"), item.get("gsi1pk").s());
    }

    @Test
    void review_whenStatusIsAsExpected_writesStatusOnLeadAndGuard_theEntries_andEndsTheExpiry() {
        Lead lead = fixtures.lead("walkin@example.com", null);
        leads.create(lead);
        Commission reward = fixtures.commission(fixtures.partnerId(), CommissionKind.QUALIFIED_LEAD, 2_500,
                lead.id().value(), null);
        Lead qualified = lead.withStatus(LeadStatus.QUALIFIED, "good fit",
                new Lead.Reward(reward.id(), reward.amount(), reward.payableOn()), fixtures.now());

        assertTrue(leads.review(qualified, LeadStatus.NEW, List.of(reward)));

        assertEquals(qualified, leads.find(lead.id()).orElseThrow());
        assertEquals("QUALIFIED", guard("walkin@example.com").get("status").s());
        assertNull(guard("walkin@example.com").get("expiresAt"), "a reviewed lead is kept");
        assertNull(table.item("LEAD#" + lead.id().value(), "LEAD").get("expiresAt"));
        assertEquals(List.of(reward), ledger.commissionsOf(reward.partnerId(), PageRequest.first(5)).items());
    }

    @Test
    void review_whenStatusChangedMeanwhile_isFalseAndWritesNothing() {
        Lead lead = fixtures.lead("grace@example.com", fixtures.partnerId());
        leads.create(lead);
        leads.review(lead.withStatus(LeadStatus.REJECTED, "no", null, fixtures.now()), LeadStatus.NEW, List.of());
        int before = table.items().size();

        assertFalse(leads.review(lead.withStatus(LeadStatus.QUALIFIED, null, null, fixtures.now()), LeadStatus.NEW,
                List.of(fixtures.commission(fixtures.partnerId(), CommissionKind.QUALIFIED_LEAD, 1, "x", null))));

        assertEquals(before, table.items().size());
        assertEquals(LeadStatus.REJECTED, leads.find(lead.id()).orElseThrow().status());
    }

    @Test
    void review_whenTheRewardItReversesWasVoidedMeanwhile_isFalseAndWritesNothing() {
        PartnerId partner = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", partner);
        leads.create(lead);
        Commission reward = fixtures.commission(partner, CommissionKind.QUALIFIED_LEAD, 2_500, lead.id().value(), null);
        Lead qualified = lead.withStatus(LeadStatus.QUALIFIED, null,
                new Lead.Reward(reward.id(), reward.amount(), reward.payableOn()), fixtures.now());
        assertTrue(leads.review(qualified, LeadStatus.NEW, List.of(reward)));
        // the program manager's void lands between the rejection's read and its write
        Commission voidEntry = new Commission(new dev.refer.core.ledger.CommissionId(fixtures.newId()), partner,
                CommissionKind.VOID, dev.refer.core.ledger.CommissionStatus.PENDING, reward.amount().negate(),
                "voided: spam", reward.source(), null, reward.id(), fixtures.now(), reward.payableOn());
        assertTrue(ledger.voidEntry(new dev.refer.core.review.CommissionVoids.VoidWrite(
                reward.voided(fixtures.now()), voidEntry, null, null, qualified,
                qualified.withRewardVoided(fixtures.now().plusSeconds(1)))));
        Commission reversal = new Commission(new dev.refer.core.ledger.CommissionId(fixtures.newId()), partner,
                CommissionKind.REVERSAL, dev.refer.core.ledger.CommissionStatus.PENDING, reward.amount().negate(),
                "lead rejected", reward.source(), null, reward.id(), fixtures.now(), reward.payableOn());
        assertFalse(ledger.approveEarly(reward.approvedEarly(fixtures.now())), "a voided entry is not approved");
        int before = table.items().size();

        assertFalse(leads.review(qualified.withStatus(LeadStatus.REJECTED, "late", qualified.reward().takenBack(),
                fixtures.now()), LeadStatus.QUALIFIED, List.of(reversal)), "the void took the reward back already");

        assertEquals(before, table.items().size());
        assertEquals(LeadStatus.QUALIFIED, leads.find(lead.id()).orElseThrow().status());
        assertEquals(0, ledger.commissionsOf(partner, PageRequest.first(10)).items().stream()
                .mapToLong(c -> c.amount().minor()).sum(), "earned 2,500, taken back 2,500 once");
    }

    @Test
    void leadsOf_acrossPages_isNewestFirst() {
        PartnerId partner = fixtures.partnerId();
        Lead a = fixtures.lead("a@example.com", partner);
        Lead b = fixtures.lead("b@example.com", partner);
        Lead c = fixtures.lead("c@example.com", partner);
        leads.create(fixtures.lead("other@example.com", fixtures.partnerId()));
        for (Lead lead : List.of(b, c, a)) {
            leads.create(lead);
        }

        Page<Lead> first = leads.leadsOf(partner, PageRequest.first(2));
        Page<Lead> second = leads.leadsOf(partner, new PageRequest(2, first.nextCursor()));

        assertEquals(List.of(c, b), first.items());
        assertEquals(List.of(a), second.items());
        assertNull(second.nextCursor());
        assertThrows(Invalid.class, () -> leads.leadsOf(partner, new PageRequest(2, "%%%")));
    }

    private Attribution byClick(PartnerId partner) {
        return new Attribution(partner, Attribution.Path.CLICK, new LinkCode("click-link"),
                new ClickId(fixtures.newId()), null);
    }

    @Test
    void takeOver_movesTheLeadToTheNewPartner_withItsHistory_itsListing_andTheGuardsEvidence() {
        PartnerId squatter = fixtures.partnerId();
        PartnerId clicked = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", squatter);
        leads.create(lead);
        Lead claimed = lead.claimedBy(byClick(clicked), fixtures.now().plus(Duration.ofHours(1)));

        assertTrue(leads.takeOver(lead, claimed));

        Lead stored = leads.find(lead.id()).orElseThrow();
        assertEquals(claimed, stored);
        assertEquals(List.of(squatter, clicked), stored.history().stream()
                .map(claim -> claim.attribution().partnerId()).toList());
        assertTrue(leads.leadsOf(squatter, PageRequest.first(5)).items().isEmpty(), "gone from the squatter's list");
        assertEquals(List.of(stored), leads.leadsOf(clicked, PageRequest.first(5)).items());
        Map<String, AttributeValue> guard = guard("grace@example.com");
        assertEquals(clicked.value(), guard.get("attribution").m().get("partnerId").s());
        assertEquals(claimed.attributedAt().toString(), guard.get("attributedAt").s());
        assertEquals(lead.createdAt().toString(), guard.get("createdAt").s());
    }

    @Test
    void takeOver_ofAnOrganicLead_endsItsExpiryOnLeadAndGuard() {
        Lead lead = fixtures.lead("walkin@example.com", null);
        leads.create(lead);

        assertTrue(leads.takeOver(lead, lead.claimedBy(byClick(fixtures.partnerId()), fixtures.now())));

        assertNull(table.item("LEAD#" + lead.id().value(), "LEAD").get("expiresAt"));
        assertNull(guard("walkin@example.com").get("expiresAt"));
    }

    @Test
    void takeOver_whenTheLeadWasReviewedOrTakenOverMeanwhile_isFalseAndWritesNothing() {
        Lead lead = fixtures.lead("grace@example.com", fixtures.partnerId());
        leads.create(lead);
        assertTrue(leads.takeOver(lead, lead.claimedBy(byClick(fixtures.partnerId()), fixtures.now())));
        Map<String, AttributeValue> before = table.item("LEAD#" + lead.id().value(), "LEAD");

        assertFalse(leads.takeOver(lead, lead.claimedBy(byClick(fixtures.partnerId()), fixtures.now())),
                "planned from a claim that no longer holds the lead");
        Lead current = leads.find(lead.id()).orElseThrow();
        assertTrue(leads.review(current.withStatus(LeadStatus.REJECTED, "no", null, fixtures.now()), LeadStatus.NEW,
                List.of()));
        Lead rejected = leads.find(lead.id()).orElseThrow();
        assertFalse(leads.takeOver(rejected, rejected.claimedBy(byClick(fixtures.partnerId()), fixtures.now())),
                "a reviewed lead is final");
        assertEquals(before.get("attribution"), table.item("LEAD#" + lead.id().value(), "LEAD").get("attribution"));
    }

    @Test
    void review_plannedBeforeATakeover_isFalse_soTheSquatterIsNeverRewarded() {
        PartnerId squatter = fixtures.partnerId();
        Lead lead = fixtures.lead("grace@example.com", squatter);
        leads.create(lead);
        Lead stale = leads.find(lead.id()).orElseThrow();
        assertTrue(leads.takeOver(stale, stale.claimedBy(byClick(fixtures.partnerId()), fixtures.now())));

        Commission reward = fixtures.commission(squatter, CommissionKind.QUALIFIED_LEAD, 2_500, lead.id().value(),
                null);
        assertFalse(leads.review(stale.withStatus(LeadStatus.QUALIFIED, null,
                new Lead.Reward(reward.id(), reward.amount(), reward.payableOn()), fixtures.now()), LeadStatus.NEW,
                List.of(reward)));
        assertEquals(0, table.count("COMMISSION"));
    }

    @Test
    void takeOver_whenEightClaimsRace_exactlyOneWins_andTheHistoryHasOneClaimMore() throws Exception {
        Lead lead = fixtures.lead("grace@example.com", fixtures.partnerId());
        leads.create(lead);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Lead claimed = lead.claimedBy(byClick(fixtures.partnerId()), fixtures.now());
            calls.add(() -> {
                start.await();
                return leads.takeOver(lead, claimed);
            });
        }
        List<Future<Boolean>> results = calls.stream().map(pool::submit).toList();
        start.countDown();
        List<Boolean> won = new ArrayList<>();
        for (Future<Boolean> result : results) {
            won.add(result.get());
        }
        pool.shutdown();

        assertEquals(1, won.stream().filter(w -> w).count(), won.toString());
        Lead stored = leads.find(lead.id()).orElseThrow();
        assertEquals(2, stored.history().size());
        assertEquals(stored.attribution().partnerId().value(),
                guard("grace@example.com").get("attribution").m().get("partnerId").s(), "guard and lead agree");
    }
}

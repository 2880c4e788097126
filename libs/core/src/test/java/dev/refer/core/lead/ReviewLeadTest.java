package dev.refer.core.lead;

import dev.refer.core.Flow;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewLeadTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    @Test
    void qualify_whenPlanHasALeadReward_paysItOnce() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        Commission reward = reviewed.entries().getFirst();
        assertEquals(CommissionKind.QUALIFIED_LEAD, reward.kind());
        assertEquals(2500, reward.amount().minor());
        assertEquals(flow.clock.instant().plus(java.time.Duration.ofDays(30)), reward.payableOn());

        assertInstanceOf(ReviewLead.Result.NotReviewable.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        assertEquals(1, flow.store.commissions.size());
        var stats = flow.stats(anna);
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.NEW)));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.QUALIFIED)));
    }

    @Test
    void reject_keepsTheReasonAndPaysNothing() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "student, no budget")));
        assertTrue(reviewed.entries().isEmpty());
        assertEquals("student, no budget", flow.store.leads.get(lead).statusReason());
        assertEquals(LeadStatus.REJECTED, flow.store.leads.get(lead).status());
    }

    @Test
    void qualify_whenLeadIsOrganic_paysNobody() {
        LeadId lead = flow.lead("ada@acme.example", null, null);
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        assertTrue(reviewed.entries().isEmpty());
        assertNull(flow.store.leads.get(lead).expiresAt(), "a reviewed organic lead is kept");
    }

    @Test
    void reject_afterQualification_reversesTheLeadRewardInTheSameWrite() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));
        Commission reward = flow.store.commissions.getFirst();
        flow.clock.advance(java.time.Duration.ofDays(2));

        ReviewLead.Result.Reviewed rejected = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "not a fit after all")));

        Commission reversal = rejected.entries().getFirst();
        assertEquals(CommissionKind.REVERSAL, reversal.kind());
        assertEquals(-2500, reversal.amount().minor());
        assertEquals(reward.id(), reversal.reverses());
        assertEquals(reward.payableOn(), reversal.payableOn(), "nets against the reward in the same payout");
        assertEquals(LeadStatus.REJECTED, flow.store.leads.get(lead).status());
        var stats = flow.stats(anna);
        assertEquals(0, stats.allTime(Counters.commissionEarned(java.util.Currency.getInstance("EUR"))));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.REJECTED)));
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.QUALIFIED)));

        assertInstanceOf(ReviewLead.Result.NotReviewable.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, null)));
        assertEquals(2, flow.store.commissions.size(), "a second rejection reverses nothing more");
    }

    private long ledgerTotal() {
        return flow.store.commissions.stream().mapToLong(c -> c.amount().minor()).sum();
    }

    private LeadId qualifiedLead() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));
        return lead;
    }

    private dev.refer.core.review.ReviewCommission reviewCommission() {
        return new dev.refer.core.review.ReviewCommission(flow.store, flow.store, flow.store, flow.ids, flow.clock);
    }

    @Test
    void qualifyRejectVoid_takesTheRewardBackOnce() {
        LeadId lead = qualifiedLead();
        Commission reward = flow.store.commissions.getFirst();
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "not a fit"));

        var voided = assertInstanceOf(dev.refer.core.review.ReviewCommission.Result.Done.class,
                reviewCommission().voidEntry(anna.id(), reward.id(), "spam"));

        assertNull(voided.voidEntry(), "the rejection took everything back already");
        assertEquals(0, ledgerTotal(), "earned 2,500, taken back 2,500, not 5,000");
        reviewCommission().voidEntry(anna.id(), reward.id(), "spam"); // redelivered
        assertEquals(0, ledgerTotal());
    }

    @Test
    void qualifyVoidReject_takesTheRewardBackOnce() {
        LeadId lead = qualifiedLead();
        Commission reward = flow.store.commissions.getFirst();
        reviewCommission().voidEntry(anna.id(), reward.id(), "spam");

        ReviewLead.Result.Reviewed rejected = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "not a fit")));

        assertTrue(rejected.entries().isEmpty());
        assertEquals(0, ledgerTotal());
    }

    @Test
    void aRejectionReadBeforeAVoid_isRefusedByTheStore_andTakesNothingMoreBack() {
        LeadId lead = qualifiedLead();
        Commission reward = flow.store.commissions.getFirst();
        Lead read = flow.store.leads.get(lead);
        reviewCommission().voidEntry(anna.id(), reward.id(), "spam"); // lands between the read and the write
        Commission reversal = new Commission(new dev.refer.core.ledger.CommissionId(flow.ids.newId()), anna.id(),
                CommissionKind.REVERSAL, dev.refer.core.ledger.CommissionStatus.PENDING, reward.amount().negate(),
                "lead rejected", lead.value(), null, reward.id(), flow.clock.instant(), reward.payableOn());

        boolean written = flow.store.review(read.withStatus(LeadStatus.REJECTED, "late", read.reward(),
                flow.clock.instant()), LeadStatus.QUALIFIED, java.util.List.of(reversal));

        assertEquals(false, written, "a reversal of an entry voided meanwhile is refused");
        assertEquals(0, ledgerTotal());
    }

    @Test
    void rejectingAfterTheRewardWasApprovedEarlyAndPaid_isAClawbackDueAtOnce() {
        LeadId lead = qualifiedLead();
        Commission reward = flow.store.commissions.getFirst();
        flow.clock.advance(java.time.Duration.ofDays(1));
        flow.store.replaceEntry(reward.approvedEarly(flow.clock.instant()).paidBy(
                "2026-11-EUR-" + anna.id().value()));
        flow.clock.advance(java.time.Duration.ofDays(2));

        ReviewLead.Result.Reviewed rejected = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "not a fit")));

        assertEquals(flow.clock.instant(), rejected.entries().getFirst().payableOn(),
                "due now, not at the end of the reward's holding period");
    }

    @Test
    void review_whenUnknownLead_isNotFound() {
        assertInstanceOf(ReviewLead.Result.NotFound.class, flow.reviewLead.review(
                new ReviewLead.Command(new LeadId("01JC9999999999999999999999"), ReviewLead.Decision.QUALIFY, null)));
    }
}

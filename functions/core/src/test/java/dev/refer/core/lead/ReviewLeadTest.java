package dev.refer.core.lead;

import dev.refer.core.Flow;
import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionKind;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReviewLeadTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    @Test
    void qualify_whenPlanHasALeadReward_paysItOnce() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        Commission reward = reviewed.reward();
        assertEquals(CommissionKind.QUALIFIED_LEAD, reward.kind());
        assertEquals(2500, reward.amount().minor());
        assertEquals(flow.clock.instant().plus(java.time.Duration.ofDays(30)), reward.payableOn());

        assertInstanceOf(ReviewLead.Result.NotReviewable.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        assertEquals(1, flow.store.commissions.size());
        var stats = flow.store.partnerStats(anna.id(), null);
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.NEW)));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.QUALIFIED)));
    }

    @Test
    void reject_keepsTheReasonAndPaysNothing() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", null, "anna-news");
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "student, no budget")));
        assertNull(reviewed.reward());
        assertEquals("student, no budget", flow.store.leads.get(lead).statusReason());
        assertEquals(LeadStatus.REJECTED, flow.store.leads.get(lead).status());
    }

    @Test
    void qualify_whenLeadIsOrganic_paysNobody() {
        LeadId lead = flow.lead("ada@acme.example", null, null);
        ReviewLead.Result.Reviewed reviewed = assertInstanceOf(ReviewLead.Result.Reviewed.class,
                flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null)));
        assertNull(reviewed.reward());
    }

    @Test
    void review_whenUnknownLead_isNotFound() {
        assertInstanceOf(ReviewLead.Result.NotFound.class, flow.reviewLead.review(
                new ReviewLead.Command(new LeadId("01JC9999999999999999999999"), ReviewLead.Decision.QUALIFY, null)));
    }
}

package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence order of the attribution table (docs/attribution-and-money.md), a test per row. Anna and Bruno are both active partners;
 * the prospect is ada@acme.example, who buys as billing customer cus_1.
 */
class AttributionPrecedenceTest {

    private static final String ADA = "ada@acme.example";

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");
    private final Partner bruno = flow.partner("bruno@partner.example");

    AttributionPrecedenceTest() {
        flow.link(anna, "anna-news");
        flow.link(bruno, "bruno-blog");
    }

    private ConversionResult.Recorded sale(String rid, String ref) {
        return assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_sale", ConversionKind.SALE,
                "order-1", 10_000, ADA, "cus_1", rid, ref, flow.clock.instant()));
    }

    private static PartnerId winner(ConversionResult.Recorded recorded) {
        Attribution attribution = recorded.conversion().attribution();
        return attribution == null ? null : attribution.partnerId();
    }

    // row 1: the event's own click beats a lead matched by email

    @Test
    void row1_eventClick_beatsALeadPostedWithAnotherPartnersCode() {
        ClickId annasClick = flow.click("anna-news");
        flow.lead(ADA, null, "bruno-blog"); // anyone can post a prospect with a public code
        ConversionResult.Recorded recorded = sale(annasClick.value(), null);
        assertEquals(anna.id(), winner(recorded));
        assertEquals(Attribution.Path.CLICK, recorded.conversion().attribution().path());
        assertEquals(anna.id(), recorded.entries().getFirst().partnerId(), "the commission is Anna's");
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void row1_eventClick_beatsALeadAttributedByAClick() {
        ClickId brunosClick = flow.click("bruno-blog");
        flow.lead(ADA, brunosClick.value(), null);
        flow.clock.advance(Duration.ofDays(1));
        ClickId annasClick = flow.click("anna-news");
        assertEquals(anna.id(), winner(sale(annasClick.value(), null)));
    }

    // row 2: a lead attributed by a click beats the event's code

    @Test
    void row2_leadByClick_beatsTheEventsCode() {
        ClickId brunosClick = flow.click("bruno-blog");
        LeadId lead = flow.lead(ADA, brunosClick.value(), null);
        ConversionResult.Recorded recorded = sale(null, "anna-news");
        assertEquals(bruno.id(), winner(recorded));
        assertEquals(Attribution.Path.LEAD, recorded.conversion().attribution().path());
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status());
    }

    // row 3: the event's own code beats a lead attributed by a bare code

    @Test
    void row3_eventCode_beatsALeadByCode() {
        LeadId lead = flow.lead(ADA, null, "bruno-blog");
        ConversionResult.Recorded recorded = sale(null, "anna-news");
        assertEquals(anna.id(), winner(recorded));
        assertEquals(Attribution.Path.CODE, recorded.conversion().attribution().path());
        assertEquals(LeadStatus.NEW, flow.store.leads.get(lead).status(), "Bruno's lead did not convert for him");
    }

    // row 4: a lead by code, when it is all there is

    @Test
    void row4_leadByCode_whenNothingStronger() {
        LeadId lead = flow.lead(ADA, null, "bruno-blog");
        ConversionResult.Recorded recorded = sale(null, null);
        assertEquals(bruno.id(), winner(recorded));
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status());
    }

    // row 5: nothing: organic, and the customer is recorded organic

    @Test
    void row5_noEvidence_isOrganicAndTheCustomerStaysOrganic() {
        ConversionResult.Recorded first = sale(null, null);
        assertNull(winner(first));
        assertTrue(first.entries().isEmpty());
        assertNull(flow.store.customers.get("cus_1").partnerId(), "recorded as organic");

        ClickId annasClick = flow.click("anna-news");
        ConversionResult.Recorded later = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_2",
                ConversionKind.SALE, "order-2", 5_000, ADA, "cus_1", annasClick.value(), "anna-news",
                flow.clock.instant()));
        assertNull(winner(later), "a later sale with a click does not make an organic customer Anna's");
        assertTrue(later.entries().isEmpty());
    }

    // row 0: a known billing customer decides before any evidence

    @Test
    void row0_knownCustomer_keepsItsPartnerWhateverTheEventCarries() {
        ClickId annasClick = flow.click("anna-news");
        sale(annasClick.value(), null);
        ClickId brunosClick = flow.click("bruno-blog");
        ConversionResult.Recorded renewal = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_2",
                ConversionKind.RENEWAL, "invoice-2", 10_000, null, "cus_1", brunosClick.value(), "bruno-blog",
                flow.clock.instant()));
        assertEquals(anna.id(), winner(renewal));
        assertEquals(Attribution.Path.CUSTOMER, renewal.conversion().attribution().path());
    }

    // row 6: a lead gives way to stronger evidence, never to arrival order

    @Test
    void row6_leadByClick_takesOverALeadSquattedWithACode_andTheSaleFollowsTheClick() {
        LeadId squatted = flow.lead(ADA, null, "bruno-blog"); // Bruno posts scraped emails with his public code
        flow.clock.advance(Duration.ofHours(2));
        ClickId annasClick = flow.click("anna-news");          // Ada really clicked Anna's link
        LeadId lead = flow.lead(ADA, annasClick.value(), null);
        assertEquals(squatted, lead, "still one lead per email");
        var stored = flow.store.leads.get(lead);
        assertEquals(anna.id(), stored.attribution().partnerId());
        assertEquals(Attribution.Path.CLICK, stored.attribution().path());
        assertEquals(2, stored.history().size(), "the lead keeps who claimed it before");
        assertEquals(bruno.id(), stored.history().getFirst().attribution().partnerId());

        flow.clock.advance(Duration.ofDays(1));
        ConversionResult.Recorded recorded = sale(null, null); // no rid, no ref: the lead decides
        assertEquals(anna.id(), winner(recorded));
        assertEquals(anna.id(), recorded.entries().getFirst().partnerId());
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status());
        assertEquals(0, flow.stats(bruno).allTime(dev.refer.core.stats.Counters.LEADS), "the squatter holds nothing");
        assertEquals(1, flow.stats(anna).allTime(dev.refer.core.stats.Counters.LEADS));
    }

    @Test
    void row6_anEarlierLeadByClick_keepsItAgainstALaterClickOrCode() {
        ClickId annasClick = flow.click("anna-news");
        LeadId lead = flow.lead(ADA, annasClick.value(), null);
        flow.clock.advance(Duration.ofHours(1));
        ClickId brunosClick = flow.click("bruno-blog");
        flow.lead(ADA, brunosClick.value(), null);
        flow.lead(ADA, null, "bruno-blog");
        assertEquals(anna.id(), flow.store.leads.get(lead).attribution().partnerId());
        assertEquals(1, flow.store.leads.get(lead).history().size(), "a weaker or equal claim is not recorded");
    }

    @Test
    void row6_aCodeNeverDisplacesAnotherCode_butTakesAnOrganicLead() {
        LeadId lead = flow.lead(ADA, null, null);
        assertNull(flow.store.leads.get(lead).attribution());
        flow.lead(ADA, null, "bruno-blog");
        assertEquals(bruno.id(), flow.store.leads.get(lead).attribution().partnerId(), "any evidence beats none");
        assertNull(flow.store.leads.get(lead).expiresAt(), "an attributed lead no longer expires");
        flow.lead(ADA, null, "anna-news");
        assertEquals(bruno.id(), flow.store.leads.get(lead).attribution().partnerId(), "code against code: first");
    }

    @Test
    void row6_aReviewedLead_isFinal() {
        LeadId lead = flow.lead(ADA, null, "bruno-blog");
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));
        ClickId annasClick = flow.click("anna-news");
        flow.lead(ADA, annasClick.value(), null);
        assertEquals(bruno.id(), flow.store.leads.get(lead).attribution().partnerId());
        assertEquals(LeadStatus.QUALIFIED, flow.store.leads.get(lead).status());
    }

    @Test
    void row6_aClaimOlderThanTheWindow_isDisplacedByAnyEvidence() {
        ClickId brunosClick = flow.click("bruno-blog");
        LeadId lead = flow.lead(ADA, brunosClick.value(), null);
        flow.clock.advance(Duration.ofDays(31));
        flow.lead(ADA, null, "anna-news");
        assertEquals(anna.id(), flow.store.leads.get(lead).attribution().partnerId());
        ConversionResult.Recorded recorded = sale(null, null);
        assertEquals(anna.id(), winner(recorded), "the window counts from the claim that holds the lead");
    }

    // windows, counted from the evidence's own time to the event's time

    @Test
    void window_aLeadOlderThanTheWindow_isNoLongerEvidence() {
        flow.lead(ADA, null, "bruno-blog");
        flow.clock.advance(Duration.ofDays(31));
        assertNull(winner(sale(null, null)));
    }

    @Test
    void window_aClickOlderThanTheWindow_fallsThroughToWeakerEvidence() {
        ClickId annasClick = flow.click("anna-news");
        flow.clock.advance(Duration.ofDays(31));
        ConversionResult.Recorded recorded = sale(annasClick.value(), "bruno-blog");
        assertEquals(bruno.id(), winner(recorded));
    }

    @Test
    void window_isCountedToTheEventsOwnTime_notToItsDelivery() {
        ClickId annasClick = flow.click("anna-news");
        flow.clock.advance(Duration.ofDays(29));
        var occurredAt = flow.clock.instant();
        flow.clock.advance(Duration.ofDays(3)); // delivered three days late: 32 days after the click
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_late",
                ConversionKind.SALE, "order-1", 10_000, ADA, "cus_1", annasClick.value(), null, occurredAt));
        assertEquals(anna.id(), winner(recorded));
        assertEquals(occurredAt, recorded.entries().getFirst().earnedAt());
        assertEquals(occurredAt.plus(Duration.ofDays(30)), recorded.entries().getFirst().payableOn(),
                "the holding period runs from the event's time");
    }

    @Test
    void window_aClickAfterTheSale_isNotItsCause() {
        var occurredAt = flow.clock.instant();
        flow.clock.advance(Duration.ofHours(1));
        ClickId later = flow.click("anna-news");
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_1",
                ConversionKind.SALE, "order-1", 10_000, ADA, "cus_1", later.value(), null, occurredAt));
        assertNull(winner(recorded));
    }

    // suspended partners and disabled links attribute nothing new

    @Test
    void suspendedPartner_leadDoesNotWin_andTheCustomerIsNotBoundToIt() {
        flow.lead(ADA, null, "bruno-blog");
        new ChangePartnerStatus(flow.store, flow.store).change(bruno.id(), PartnerStatus.SUSPENDED);
        ConversionResult.Recorded recorded = sale(null, "anna-news");
        assertEquals(anna.id(), winner(recorded), "the next evidence wins");
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void disabledLink_itsClicksAndCodeAttributeNothing() {
        ClickId annasClick = flow.click("anna-news");
        flow.store.setEnabled(new LinkCode("anna-news"), false);
        ConversionResult.Recorded recorded = sale(annasClick.value(), "anna-news");
        assertNull(winner(recorded));
        assertNull(flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void suspendedPartner_keepsTheCustomersItBrought_whoseRenewalsEarnNothingUntilReinstated() {
        ClickId annasClick = flow.click("anna-news");
        sale(annasClick.value(), null);
        ChangePartnerStatus status = new ChangePartnerStatus(flow.store, flow.store);
        status.change(anna.id(), PartnerStatus.SUSPENDED);

        ConversionResult.Recorded suspended = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_r1",
                ConversionKind.RENEWAL, "invoice-2", 10_000, "cus_1"));
        assertEquals(anna.id(), winner(suspended), "still Anna's customer");
        assertTrue(suspended.entries().isEmpty(), "a suspended partner earns nothing, and nothing is owed later");

        status.change(anna.id(), PartnerStatus.ACTIVE);
        ConversionResult.Recorded reinstated = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_r2",
                ConversionKind.RENEWAL, "invoice-3", 10_000, "cus_1"));
        assertEquals(2000, reinstated.entries().getFirst().amount().minor());
    }

    @Test
    void rejectedLead_isNotEvidence() {
        LeadId lead = flow.lead(ADA, null, "bruno-blog");
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.REJECT, "not a fit"));
        assertNull(winner(sale(null, null)));
        assertEquals(LeadStatus.REJECTED, flow.store.leads.get(lead).status());
    }

    // row 8: an approved deal registration of the email's domain, within its life

    @Test
    void row8_approvedRegistration_beatsTheEventsClick() {
        flow.approvedDeal(anna, "acme.example");
        ClickId brunosClick = flow.click("bruno-blog");
        ConversionResult.Recorded recorded = sale(brunosClick.value(), "bruno-blog");
        assertEquals(anna.id(), winner(recorded));
        assertEquals(Attribution.Path.DEAL, recorded.conversion().attribution().path());
        assertEquals(anna.id(), recorded.entries().getFirst().partnerId(), "the commission is Anna's");
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void row8_approvedRegistration_beatsALeadByClickCapturedBeforeIt() {
        ClickId brunosClick = flow.click("bruno-blog");
        LeadId lead = flow.lead(ADA, brunosClick.value(), null);
        flow.clock.advance(Duration.ofHours(1));
        flow.approvedDeal(anna, "acme.example");
        ConversionResult.Recorded recorded = sale(null, null);
        assertEquals(anna.id(), winner(recorded));
        assertEquals(LeadStatus.NEW, flow.store.leads.get(lead).status(), "Bruno's lead did not convert for him");
    }

    @Test
    void row8_aLeadOnTheDomain_isTheRegisteringPartners_andTakesOverAClaimByClick() {
        ClickId brunosClick = flow.click("bruno-blog");
        LeadId lead = flow.lead(ADA, brunosClick.value(), null);
        flow.clock.advance(Duration.ofHours(1));
        flow.approvedDeal(anna, "acme.example");
        flow.lead(ADA, null, null); // Ada fills the form again: her company is Anna's registered account
        var stored = flow.store.leads.get(lead);
        assertEquals(anna.id(), stored.attribution().partnerId());
        assertEquals(Attribution.Path.DEAL, stored.attribution().path());
        assertEquals(bruno.id(), stored.history().getFirst().attribution().partnerId(), "kept as history");

        LeadId colleague = flow.lead("bob@acme.example", null, "bruno-blog");
        assertEquals(anna.id(), flow.store.leads.get(colleague).attribution().partnerId(),
                "a new lead on the domain is Anna's whatever code it carries");
        ConversionResult.Recorded recorded = sale(null, null);
        assertEquals(LeadStatus.CONVERTED, flow.store.leads.get(lead).status(), "the lead converts for Anna");
        assertEquals(anna.id(), winner(recorded));
    }

    @Test
    void row8_aPendingOrRejectedRegistration_isNoEvidence() {
        var deal = flow.registerDeal(anna, "acme.example");
        ClickId brunosClick = flow.click("bruno-blog");
        assertEquals(bruno.id(), winner(sale(brunosClick.value(), null)), "pending: not evidence");

        flow.reviewDeal.reject(deal.id(), "already a customer of ours");
        ConversionResult.Recorded other = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_2",
                ConversionKind.SALE, "order-2", 10_000, "eve@acme.example", "cus_2", null, null,
                flow.clock.instant()));
        assertNull(winner(other), "rejected: not evidence");
    }

    @Test
    void row8_anExpiredRegistration_isNoEvidence() {
        flow.approvedDeal(anna, "acme.example");
        flow.clock.advance(Duration.ofDays(90).plusMinutes(1));
        ClickId brunosClick = flow.click("bruno-blog");
        assertEquals(bruno.id(), winner(sale(brunosClick.value(), null)));
    }

    @Test
    void row8_aSuspendedPartnersRegistration_isNoEvidence() {
        flow.approvedDeal(anna, "acme.example");
        new ChangePartnerStatus(flow.store, flow.store).change(anna.id(), PartnerStatus.SUSPENDED);
        ClickId brunosClick = flow.click("bruno-blog");
        assertEquals(bruno.id(), winner(sale(brunosClick.value(), null)));
        assertEquals(bruno.id(), flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void row8_aKnownCustomer_row0_staysWithItsPartner() {
        ClickId brunosClick = flow.click("bruno-blog");
        sale(brunosClick.value(), null);
        flow.approvedDeal(anna, "acme.example");
        ConversionResult.Recorded renewal = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_2",
                ConversionKind.RENEWAL, "invoice-2", 10_000, ADA, "cus_1", null, null, flow.clock.instant()));
        assertEquals(bruno.id(), winner(renewal));
        assertEquals(Attribution.Path.CUSTOMER, renewal.conversion().attribution().path());
    }

    @Test
    void row8_row7_aFirstPurchaseFromBeforeTheRegistration_rebindsByItsOwnEvidence() {
        ClickId brunosClick = flow.click("bruno-blog");
        java.time.Instant firstPurchase = flow.clock.instant().plus(Duration.ofDays(1));
        flow.clock.advance(Duration.ofDays(2));
        flow.approvedDeal(anna, "acme.example");
        flow.clock.advance(Duration.ofDays(1));
        ConversionResult.Recorded later = sale(null, null); // arrives first: Anna's by her registration
        assertEquals(anna.id(), winner(later));

        ConversionResult.Recorded earlier = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_0",
                ConversionKind.SALE, "order-0", 10_000, ADA, "cus_1", brunosClick.value(), null, firstPurchase));
        assertEquals(bruno.id(), winner(earlier), "the registration did not exist when Ada first bought");
        assertEquals(bruno.id(), flow.store.customers.get("cus_1").partnerId(), "the customer is re-bound");
        assertTrue(earlier.entries().stream().anyMatch(e -> e.partnerId().equals(anna.id())
                && e.amount().negate().isPositive()), "Anna's commission on the later sale is reversed");
    }

    @Test
    void row8_aFreeMailAddress_readsNoRegistration() {
        flow.approvedDeal(anna, "acme.example");
        int reads = flow.deals.claimReads;
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class, flow.event("evt_2",
                ConversionKind.SALE, "order-2", 10_000, "ada@gmail.com", "cus_2", null, "bruno-blog",
                flow.clock.instant()));
        assertEquals(bruno.id(), winner(recorded));
        flow.lead("eve@gmail.com", null, null);
        assertEquals(reads, flow.deals.claimReads, "free-mail domains are never looked up");
    }
}

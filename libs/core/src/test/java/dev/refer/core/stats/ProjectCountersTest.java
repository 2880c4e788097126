package dev.refer.core.stats;

import dev.refer.core.Flow;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.partner.Partner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Counters come from the stream of stored facts, each record applied once whatever is redelivered. */
class ProjectCountersTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    @Test
    void clicksLeadsAndReviews_moveThePartnersCounters_organicFactsMoveNothing() {
        flow.link(anna, "anna-news");
        LeadId lead = flow.lead("ada@acme.example", flow.click("anna-news").value(), null);
        flow.click("anna-news");
        flow.lead("organic@else.example", null, null);
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));

        PartnerStats stats = flow.stats(anna);
        assertEquals(2, stats.allTime(Counters.CLICKS));
        assertEquals(1, stats.allTime(Counters.LEADS));
        assertEquals(1, stats.allTime(Counters.LEADS_QUALIFIED));
        assertEquals(0, stats.allTime(Counters.leadStatus(LeadStatus.NEW)));
        assertEquals(1, stats.allTime(Counters.leadStatus(LeadStatus.QUALIFIED)));
        assertEquals(2, flow.store.counters.get("LINK#anna-news#2026-11").get(Counters.CLICKS));
    }

    @Test
    void flows_countClicksLeadsStoredSalesRecordedAndEntriesWritten_notTheirLaterChanges() {
        flow.link(anna, "anna-news");
        String rid = flow.click("anna-news").value();
        flow.click("anna-news");
        LeadId lead = flow.lead("ada@acme.example", rid, null);
        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));
        flow.sale("evt_1", "inv_1", 10_000, "ada@acme.example", "cus_1");

        ProjectCounters.Flows flows = ProjectCounters.Flows.of(List.copyOf(flow.store.stream));

        assertEquals(2, flows.clicks());
        assertEquals(1, flows.leads(), "the review changed the lead: not a new lead");
        assertEquals(1, flows.sales());
        assertEquals(2, flows.commissions(), "the qualified lead's reward and the sale's commission");
    }

    @Test
    void aRedeliveredBatch_isAppliedOnce() {
        flow.link(anna, "anna-news");
        flow.click("anna-news");
        flow.click("anna-news");
        List<ProjectCounters.Change> batch = List.copyOf(flow.store.stream);
        ProjectCounters project = new ProjectCounters(flow.store, flow.store.zone);

        StatsRepository.Applied first = project.count("stream", batch);
        StatsRepository.Applied again = project.count("stream", batch);

        assertEquals(2, first.appliedRecords());
        assertEquals(1, again.duplicateChunks());
        assertNull(again.firstFailedSequenceNumber());
        assertEquals(2, flow.store.partnerStats(anna.id(), null, null).allTime(Counters.CLICKS));
    }

    @Test
    void aFailedWrite_isReportedWhereTheStreamMustResume_andCountedOnceOnRetry() {
        flow.link(anna, "anna-news");
        flow.click("anna-news");
        flow.store.failApplyAt = 1;

        StatsRepository.Applied failed = flow.store.projectStream();
        assertEquals(flow.store.stream.getFirst().sequenceNumber(), failed.firstFailedSequenceNumber());
        assertEquals(0, flow.store.partnerStats(anna.id(), null, null).allTime(Counters.CLICKS));

        flow.store.projectStream();
        assertEquals(1, flow.store.partnerStats(anna.id(), null, null).allTime(Counters.CLICKS));
    }
}

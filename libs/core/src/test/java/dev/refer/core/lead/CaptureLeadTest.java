package dev.refer.core.lead;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.link.ClickId;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureLeadTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    private CaptureLead.Result capture(String email, String rid, String ref, String origin, URI thanks) {
        return flow.captureLead.capture(new CaptureLead.Command(new EmailAddress(email), "Ada", "Acme",
                "+49 30 1234", "Hi", rid, ref, "", origin, thanks));
    }

    @Test
    void capture_whenClickIdIsFresh_attributesToTheClicksPartner() {
        flow.link(anna, "anna-news");
        ClickId rid = flow.click("anna-news");
        CaptureLead.Result.Accepted accepted = assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", rid.value(), null, null, null));
        Lead lead = flow.store.leads.get(accepted.leadId());
        assertEquals(anna.id(), lead.attribution().partnerId());
        assertEquals(Attribution.Path.CLICK, lead.attribution().path());
        assertEquals("news", lead.attribution().campaign());
        assertEquals(1, flow.stats(anna).allTime(Counters.leadStatus(LeadStatus.NEW)));
    }

    @Test
    void capture_whenClickIsOutsideTheWindow_fallsBackToTheCode() {
        flow.link(anna, "anna-news");
        ClickId rid = flow.click("anna-news");
        flow.clock.advance(Duration.ofDays(31));
        CaptureLead.Result.Accepted accepted = assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", rid.value(), "anna-news", null, null));
        assertEquals(Attribution.Path.CODE, flow.store.leads.get(accepted.leadId()).attribution().path());
    }

    @Test
    void capture_whenNoValidEvidence_storesAnOrganicLeadThatExpiresUnlessReviewed() {
        CaptureLead.Result.Accepted accepted = assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", "01JC9999999999999999999999", "nope-code", null, null));
        Lead lead = flow.store.leads.get(accepted.leadId());
        assertNull(lead.attribution());
        assertEquals(flow.clock.instant().plus(Duration.ofDays(90)), lead.expiresAt());
    }

    @Test
    void capture_whenAttributed_neverExpires() {
        flow.link(anna, "anna-news");
        CaptureLead.Result.Accepted accepted = (CaptureLead.Result.Accepted) capture("ada@acme.example", null,
                "anna-news", null, null);
        assertNull(flow.store.leads.get(accepted.leadId()).expiresAt());
    }

    @Test
    void capture_whenTheClicksLinkWasDisabledSince_doesNotAttributeThroughIt() {
        flow.link(anna, "anna-news");
        ClickId rid = flow.click("anna-news");
        flow.store.setEnabled(new dev.refer.core.link.LinkCode("anna-news"), false);
        CaptureLead.Result.Accepted accepted = assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", rid.value(), "anna-news", null, null));
        assertNull(flow.store.leads.get(accepted.leadId()).attribution(), "neither the click nor the code counts");
    }

    @Test
    void capture_whenThePartnerIsSuspended_attributesNothingToIt() {
        flow.link(anna, "anna-news");
        ClickId rid = flow.click("anna-news");
        new dev.refer.core.partner.ChangePartnerStatus(flow.store, flow.store).change(anna.id(),
                dev.refer.core.partner.PartnerStatus.SUSPENDED);
        CaptureLead.Result.Accepted accepted = assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", rid.value(), "anna-news", null, null));
        assertNull(flow.store.leads.get(accepted.leadId()).attribution());
    }

    @Test
    void capture_whenSameEmailAgainInAnyCase_isOneLead() {
        flow.link(anna, "anna-news");
        CaptureLead.Result.Accepted first = (CaptureLead.Result.Accepted) capture("Ada@Acme.example", null, "anna-news", null, null);
        CaptureLead.Result.Accepted second = (CaptureLead.Result.Accepted) capture("ada@acme.example", null, "anna-news", null, null);
        assertEquals(first.leadId(), second.leadId());
        assertTrue(second.duplicate());
        assertEquals(1, flow.store.leads.size());
        assertEquals(1, flow.stats(anna).allTime(Counters.LEADS));
    }

    @Test
    void takeover_movesTheLeadsCounters_andIsNewsToTheNewPartnerOnly() {
        Partner bruno = flow.partner("bruno@partner.example");
        flow.link(anna, "anna-news");
        flow.link(bruno, "bruno-blog");
        CaptureLead.Result.Accepted squatted = (CaptureLead.Result.Accepted) capture("ada@acme.example", null,
                "bruno-blog", null, null);
        Lead before = flow.store.leads.get(squatted.leadId());
        flow.clock.advance(Duration.ofMinutes(5));
        CaptureLead.Result.Accepted clicked = (CaptureLead.Result.Accepted) capture("ada@acme.example",
                flow.click("anna-news").value(), null, null, null);
        Lead after = flow.store.leads.get(clicked.leadId());

        assertTrue(clicked.duplicate());
        assertTrue(clicked.takenOver());
        assertEquals(0, flow.stats(bruno).allTime(Counters.LEADS));
        assertEquals(0, flow.stats(bruno).allTime(Counters.leadStatus(LeadStatus.NEW)));
        assertEquals(1, flow.stats(anna).allTime(Counters.LEADS));
        assertEquals(1, flow.stats(anna).allTime(Counters.leadStatus(LeadStatus.NEW)));
        var notifications = news(before, after);
        assertEquals(1, notifications.size());
        assertEquals(anna.id(), notifications.getFirst().partnerId(), "the squatter hears nothing");
        assertEquals("lead_new#" + after.id().value() + "#2", notifications.getFirst().key());
        assertTrue(news(after, after.withStatus(LeadStatus.QUALIFIED, null, null,
                flow.clock.instant())).stream().allMatch(n -> n.partnerId().equals(anna.id())));
    }

    /** What the lead's change tells partners: its domain events, as the notifications read them. */
    private static java.util.List<dev.refer.core.comms.notify.Notification> news(Lead before, Lead after) {
        return dev.refer.core.events.DomainEvents.ofLead(before, after).stream()
                .flatMap(event -> dev.refer.core.comms.notify.PartnerNews.of(event).stream()).toList();
    }

    @Test
    void capture_whenOriginIsNotAllowed_storesNothing() {
        assertInstanceOf(CaptureLead.Result.OriginNotAllowed.class,
                capture("ada@acme.example", null, null, "https://evil.example", null));
        assertTrue(flow.store.leads.isEmpty());
    }

    @Test
    void capture_whenThankYouPageIsElsewhere_storesNothing() {
        assertInstanceOf(CaptureLead.Result.ThankYouUrlNotAllowed.class,
                capture("ada@acme.example", null, null, null, URI.create("https://evil.example/thanks")));
        assertInstanceOf(CaptureLead.Result.Accepted.class,
                capture("ada@acme.example", null, null, "https://www.example.com", URI.create("https://www.example.com/thanks")));
    }

    @Test
    void command_whenHoneypotFilledOrFieldsTooLong_isInvalidNamingEachField() {
        Invalid invalid = assertThrows(Invalid.class, () -> new CaptureLead.Command(new EmailAddress("a@b.example"),
                "x".repeat(201), null, "call me", null, null, null, "i am a bot", null, null));
        assertEquals(3, invalid.violations().size());
        assertEquals("name", invalid.violations().get(0).field());
        assertEquals("phone", invalid.violations().get(1).field());
        assertEquals("website_url", invalid.violations().get(2).field());
    }
}

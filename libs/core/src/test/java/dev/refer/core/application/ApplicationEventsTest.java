package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.notify.PartnerNews;
import dev.refer.core.events.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an application's change means, and that partners hear nothing of it (its own emails tell the applicant). */
class ApplicationEventsTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static Application pending() {
        return new Application(new ApplicationId("01JE0000000000000000000001"), "Ada",
                new EmailAddress("ada@partner.example"), null, null, "DE", List.of(Channel.BLOG), null, null, null,
                "203.0.113.9", "Mozilla", ApplicationStatus.PENDING, null, null, AT, AT, null);
    }

    @Test
    void anApplication_isApplied_onceApproved_isApproved_andAnAutomaticApproval_isBoth() {
        Application pending = pending();
        Application approved = pending.approved(AT.plusSeconds(60));
        var applied = new DomainEvent.PartnerApplied(ApplicationEvents.applicant(pending));
        assertEquals(List.of(applied), ApplicationEvents.of(null, pending));
        assertEquals(List.of(new DomainEvent.PartnerApproved(ApplicationEvents.applicant(approved))),
                ApplicationEvents.of(pending, approved));
        assertEquals(2, ApplicationEvents.of(null, approved).size());
        assertEquals(List.of(), ApplicationEvents.of(approved, approved));
        assertEquals(List.of(), ApplicationEvents.of(pending, pending), "a second submission");
        assertEquals(List.of(), ApplicationEvents.of(pending, pending.rejected("no fit", AT)));
        assertEquals(List.of(), ApplicationEvents.of(null, approved).stream()
                .flatMap(event -> PartnerNews.of(event).stream()).toList());
    }

    @Test
    void theApplicant_isWhatTheFormSaid_withoutTheSendersAddressOrBrowser() {
        var applicant = ApplicationEvents.applicant(pending().approved(AT));
        assertEquals("ada@partner.example", applicant.email());
        assertEquals(List.of("blog"), applicant.channels());
        assertEquals("approved", applicant.status());
        assertEquals("01JE0000000000000000000001", applicant.partnerId().value());
        assertEquals(AT, applicant.decidedAt());
    }
}

package dev.refer.core.events;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.PartnerNews;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.mail.NotificationLetter.What;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a change of an item means (DomainEvents), and what each event tells partners and sales (PartnerNews). */
class DomainEventsTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final PartnerId ADA = new PartnerId("01JB0000000000000000000001");
    private static final PartnerId BOB = new PartnerId("01JB0000000000000000000002");

    private static Lead lead(PartnerId partner, LeadStatus status) {
        return new Lead(new LeadId("01JC0000000000000000000001"), new EmailAddress("jane@client.example"), "Jane",
                "Client Co", null, null, status, partner == null ? null
                : new Attribution(partner, Attribution.Path.CODE, null, null, null), null, AT, AT, null, null);
    }

    private static List<Notification> news(List<DomainEvent> events) {
        return events.stream().flatMap(e -> PartnerNews.of(e).stream()).toList();
    }

    @Test
    void aLeadStored_isCaptured_newsToItsPartner_andToSales() {
        Lead lead = lead(ADA, LeadStatus.NEW);
        List<DomainEvent> events = DomainEvents.ofLead(null, lead);
        assertEquals(List.of(new DomainEvent.LeadCaptured(lead)), events);
        List<Notification> told = news(events);
        assertEquals(1, told.size());
        assertEquals("lead_new#01JC0000000000000000000001", told.getFirst().key());
        assertEquals(Topic.LEADS, told.getFirst().topic());
        assertEquals("Jane (Client Co)", told.getFirst().event().about());
        assertEquals(Optional.of(new SalesAlert("01JC0000000000000000000001", "Jane", "jane@client.example",
                "Client Co", ADA, AT)), PartnerNews.salesAlert(events.getFirst()));
    }

    @Test
    void anOrganicLead_isCaptured_butNobodysNews() {
        List<DomainEvent> events = DomainEvents.ofLead(null, lead(null, LeadStatus.NEW));
        assertEquals(1, events.size());
        assertEquals(List.of(), news(events));
        assertEquals(Optional.empty(), PartnerNews.salesAlert(events.getFirst()));
    }

    @Test
    void aLeadTakenOver_isAttributed_newsToTheNewPartnerOnly_underTheClaimsKey() {
        List<DomainEvent> events = DomainEvents.ofLead(lead(BOB, LeadStatus.NEW), lead(ADA, LeadStatus.NEW));
        assertEquals(List.of(new DomainEvent.LeadAttributed(lead(ADA, LeadStatus.NEW), BOB)), events);
        List<Notification> told = news(events);
        assertEquals(ADA, told.getFirst().partnerId());
        assertEquals("lead_new#01JC0000000000000000000001#1", told.getFirst().key());
        assertEquals(Optional.empty(), PartnerNews.salesAlert(events.getFirst()), "sales heard of it at capture");
    }

    @Test
    void aLeadsStatus_isReviewed_andAnUnchangedLeadIsNothing() {
        List<DomainEvent> events = DomainEvents.ofLead(lead(ADA, LeadStatus.NEW), lead(ADA, LeadStatus.QUALIFIED));
        assertEquals(List.of(new DomainEvent.LeadReviewed(lead(ADA, LeadStatus.QUALIFIED), LeadStatus.NEW)), events);
        assertEquals(What.LEAD_QUALIFIED, news(events).getFirst().event().what());
        assertEquals(List.of(), DomainEvents.ofLead(lead(ADA, LeadStatus.NEW), lead(ADA, LeadStatus.NEW)));
    }

    @Test
    void aPositiveEntryWritten_isEarned_aReversalIsReversed_andAStatusMoveIsNothing() {
        Commission earned = new Commission(new CommissionId("01JD0000000000000000000001"), ADA,
                CommissionKind.SALE, CommissionStatus.PENDING, Money.of(2_000, "EUR"), "20 %", "conversion", "order-1",
                null, AT, AT.plusSeconds(86_400), null, null, null);
        assertEquals(List.of(new DomainEvent.CommissionEarned(earned)), DomainEvents.ofCommission(null, earned));
        assertEquals(What.COMMISSION_EARNED, news(DomainEvents.ofCommission(null, earned)).getFirst().event().what());
        Commission reversal = new Commission(new CommissionId("01JD0000000000000000000002"), ADA,
                CommissionKind.REVERSAL, CommissionStatus.PENDING, Money.of(-2_000, "EUR"), "refund", "conversion",
                "order-1", earned.id(), AT, AT, null, null, null);
        List<DomainEvent> reversed = DomainEvents.ofCommission(null, reversal);
        assertEquals(List.of(new DomainEvent.CommissionReversed(reversal)), reversed);
        assertEquals(List.of(), news(reversed));
        assertEquals(List.of(), DomainEvents.ofCommission(earned, earned));
    }

    @Test
    void aPayoutMarkedPaid_isPaid_once() {
        Payout ready = new Payout(new PayoutId("2026-10-EUR-" + ADA.value()), ADA, YearMonth.of(2026, 10),
                Money.of(5_000, "EUR"), 2, PayoutStatus.READY, AT, AT, AT, null, null, false);
        Payout paid = new Payout(ready.id(), ADA, ready.period(), ready.amount(), 2, PayoutStatus.PAID, AT, AT, AT,
                "bank-ref", null, false);
        assertEquals(List.of(new DomainEvent.PayoutPaid(paid)), DomainEvents.ofPayout(ready, paid));
        assertEquals(What.PAYOUT_SENT, news(DomainEvents.ofPayout(ready, paid)).getFirst().event().what());
        assertEquals(List.of(), DomainEvents.ofPayout(paid, paid));
        assertEquals(List.of(), DomainEvents.ofPayout(null, ready));
    }

    @Test
    void aPayoutMarkedFailed_isFailed_once_andNoPartnerNews() {
        Payout ready = new Payout(new PayoutId("2026-10-EUR-" + ADA.value()), ADA, YearMonth.of(2026, 10),
                Money.of(5_000, "EUR"), 2, PayoutStatus.READY, AT, AT, AT, null, null, false);
        Payout failed = new Payout(ready.id(), ADA, ready.period(), ready.amount(), 2, PayoutStatus.FAILED, AT, AT, AT,
                null, "account closed", false);
        assertEquals(List.of(new DomainEvent.PayoutFailed(failed)), DomainEvents.ofPayout(ready, failed));
        assertEquals(List.of(), DomainEvents.ofPayout(failed, failed));
        assertEquals(List.of(), news(DomainEvents.ofPayout(ready, failed)));
    }
}

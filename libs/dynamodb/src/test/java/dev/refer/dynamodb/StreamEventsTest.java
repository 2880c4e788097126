package dev.refer.dynamodb;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.events.StreamEvents;
import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.dynamodb.payout.PayoutMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Each domain event read from a stream record's shape (NEW_AND_OLD_IMAGES: the event name and the item's images as
 * the adapters wrote them), and what is no event: a removal, an item no event is about, an unchanged lead.
 */
class StreamEventsTest {

    private static final ProgramId PROGRAM = new ProgramId("p1");
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final PartnerId ADA = new PartnerId("01JB0000000000000000000001");
    private static final PartnerId BOB = new PartnerId("01JB0000000000000000000002");

    private static Map<String, AttributeValue> lead(PartnerId partner, LeadStatus status) {
        return LeadMapper.toItem(new Lead(new LeadId("01JC0000000000000000000001"),
                new EmailAddress("jane@client.example"), "Jane", "Client Co", null, null, status,
                new Attribution(partner, Attribution.Path.CODE, null, null, null), null, AT, AT, null, null), PROGRAM);
    }

    private static Map<String, AttributeValue> payout(PayoutStatus status, String reference) {
        return PayoutMapper.toItem(new Payout(new PayoutId("2026-10-EUR-" + ADA.value()), ADA, YearMonth.of(2026, 10),
                Money.of(5_000, "EUR"), 2, status, AT, AT, AT, reference, null, false), PROGRAM);
    }

    @Test
    void anInsertedLead_isCaptured() {
        DomainEvent.LeadCaptured captured = (DomainEvent.LeadCaptured) StreamEvents.of("INSERT", null,
                lead(ADA, LeadStatus.NEW)).getFirst();
        assertEquals(ADA, captured.lead().attribution().partnerId());
        assertEquals("Client Co", captured.lead().company());
    }

    @Test
    void aModifiedLead_isReviewed_attributed_orNothing() {
        DomainEvent.LeadReviewed reviewed = (DomainEvent.LeadReviewed) StreamEvents.of("MODIFY",
                lead(ADA, LeadStatus.NEW), lead(ADA, LeadStatus.REJECTED)).getFirst();
        assertEquals(LeadStatus.NEW, reviewed.from());
        assertEquals(LeadStatus.REJECTED, reviewed.lead().status());
        DomainEvent.LeadAttributed attributed = (DomainEvent.LeadAttributed) StreamEvents.of("MODIFY",
                lead(BOB, LeadStatus.NEW), lead(ADA, LeadStatus.NEW)).getFirst();
        assertEquals(BOB, attributed.previousPartner());
        assertEquals(List.of(), StreamEvents.of("MODIFY", lead(ADA, LeadStatus.NEW), lead(ADA, LeadStatus.NEW)));
    }

    @Test
    void anInsertedEntry_isEarned() {
        Commission entry = new Commission(new CommissionId("01JD0000000000000000000001"), ADA, CommissionKind.SALE,
                CommissionStatus.PENDING, Money.of(2_000, "EUR"), "20 %", "conversion", "order-1", null, AT,
                AT.plusSeconds(86_400), null, null, null);
        DomainEvent event = StreamEvents.of("INSERT", null, CommissionMapper.toItem(entry)).getFirst();
        assertEquals(entry.amount(), ((DomainEvent.CommissionEarned) event).commission().amount());
    }

    @Test
    void aPayoutMarkedPaid_isPaid() {
        assertInstanceOf(DomainEvent.PayoutPaid.class, StreamEvents.of("MODIFY", payout(PayoutStatus.READY, null),
                payout(PayoutStatus.PAID, "bank-ref")).getFirst());
        assertEquals(List.of(), StreamEvents.of("MODIFY", payout(PayoutStatus.PAID, "bank-ref"),
                payout(PayoutStatus.PAID, "bank-ref")));
    }

    @Test
    void aPayoutMarkedFailed_isFailed() {
        assertInstanceOf(DomainEvent.PayoutFailed.class, StreamEvents.of("MODIFY", payout(PayoutStatus.READY, null),
                payout(PayoutStatus.FAILED, null)).getFirst());
    }

    private static Map<String, AttributeValue> application(ApplicationStatus status) {
        return DynamoDbApplicationBook.toItem(new Application(new ApplicationId("01JE0000000000000000000001"),
                "Ada <b>", new EmailAddress("ada@partner.example"), "Ada Co", null, "DE", List.of(Channel.NEWSLETTER),
                null, null, "1", "203.0.113.9", "Mozilla", status, null,
                status == ApplicationStatus.APPROVED ? new PartnerId("01JE0000000000000000000001") : null, AT, AT,
                status == ApplicationStatus.PENDING ? null : AT), PROGRAM);
    }

    @Test
    void anInsertedApplication_isApplied_andItsApproval_isApproved() {
        assertInstanceOf(DomainEvent.PartnerApplied.class, StreamEvents.of("INSERT", null,
                application(ApplicationStatus.PENDING)).getFirst());
        DomainEvent.PartnerApproved approved = (DomainEvent.PartnerApproved) StreamEvents.of("MODIFY",
                application(ApplicationStatus.PENDING), application(ApplicationStatus.APPROVED)).getFirst();
        assertEquals("01JE0000000000000000000001", approved.applicant().partnerId().value());
        assertEquals(List.of(), StreamEvents.of("MODIFY", application(ApplicationStatus.PENDING),
                application(ApplicationStatus.REJECTED)));
    }

    @Test
    void aRemoval_orAnotherItem_isNoEvent() {
        assertEquals(List.of(), StreamEvents.of("REMOVE", lead(ADA, LeadStatus.NEW), null));
        assertEquals(List.of(), StreamEvents.of("INSERT", null, Map.of("type", AttributeValue.fromS("CLICK"),
                "pk", AttributeValue.fromS("CLICK#x"))));
        assertEquals(List.of(), StreamEvents.of("INSERT", null, Map.of()));
    }
}

package dev.refer.core.outbound;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.events.DomainEvents;
import dev.refer.core.fakes.InMemoryWebhookEndpoints;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fan-out's rules with fakes: one delivery per subscribed endpoint, a batch delivered again queues nothing. */
class FanOutEventsTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final PartnerId ADA = new PartnerId("01JB0000000000000000000001");

    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final ManageWebhookEndpoints manage = new ManageWebhookEndpoints(endpoints, new SequenceIds(),
            new TestClock(AT), new SecureRandom());
    private final Map<String, DeliveryLog.Claim> records = new HashMap<>();
    private final List<OutboundDelivery> queued = new ArrayList<>();
    private boolean queueDown;

    private final DeliveryLog log = new DeliveryLog() {
        @Override
        public Claim claim(OutboundDelivery delivery) {
            Claim before = records.putIfAbsent(delivery.id(), Claim.UNQUEUED);
            return before == null ? Claim.NEW : before;
        }

        @Override
        public void markQueued(OutboundDelivery delivery) {
            records.put(delivery.id(), Claim.QUEUED);
        }
    };
    private final FanOutEvents fanOut = new FanOutEvents(endpoints, log, deliveries -> {
        if (queueDown) {
            throw new IllegalStateException("SQS refused");
        }
        queued.addAll(deliveries);
    });

    private WebhookEndpoint endpoint(String... types) {
        return assertInstanceOf(ManageWebhookEndpoints.Registered.Created.class, manage.register(
                new ManageWebhookEndpoints.Registration("https://crm.example.com/" + types[0], List.of(types), null)))
                .endpoint();
    }

    private static Lead lead(LeadStatus status) {
        return new Lead(new LeadId("01JC0000000000000000000001"), new EmailAddress("jane@client.example"), "Jane",
                "Client Co", null, null, status, new Attribution(ADA, Attribution.Path.CODE, null, null, null), null,
                AT, AT, null, null);
    }

    private static List<DomainEvent> batch() {
        Commission earned = new Commission(new CommissionId("01JD0000000000000000000001"), ADA, CommissionKind.SALE,
                CommissionStatus.PENDING, Money.of(2_000, "EUR"), "20 %", "conversion", "order-1", null, AT,
                AT.plusSeconds(86_400), null, null, null);
        List<DomainEvent> events = new ArrayList<>(DomainEvents.ofLead(null, lead(LeadStatus.NEW)));
        events.addAll(DomainEvents.ofLead(lead(LeadStatus.NEW), lead(LeadStatus.QUALIFIED)));
        events.addAll(DomainEvents.ofCommission(null, earned));
        return events;
    }

    @Test
    void eachEvent_goesOnce_toEachEnabledEndpointThatWantsIt() {
        WebhookEndpoint crm = endpoint("lead.captured", "lead.qualified");
        WebhookEndpoint money = endpoint("commission.earned");
        WebhookEndpoint off = endpoint("lead.captured");
        manage.change(off.id(), new ManageWebhookEndpoints.Change(null, null, null, false));

        assertEquals(new FanOutEvents.FannedOut(3, 3, 0), fanOut.fanOut(batch()));

        assertEquals(List.of("msg_" + crm.id().value() + "_lead.captured.01JC0000000000000000000001",
                "msg_" + crm.id().value() + "_lead.qualified.01JC0000000000000000000001",
                "msg_" + money.id().value() + "_commission.earned.01JD0000000000000000000001"),
                queued.stream().map(OutboundDelivery::id).toList());
        WebhookEvent captured = queued.getFirst().event();
        assertEquals(EventType.LEAD_CAPTURED, captured.type());
        assertEquals("jane@client.example", captured.data().get("email"));
        assertEquals(ADA.value(), captured.data().get("partnerId"));
        assertEquals(2_000L, queued.get(2).event().data().get("amountMinor"));
    }

    @Test
    void aBatchDeliveredAgain_queuesNothingTwice_andOneThatStoppedBetween_isQueuedAgain() {
        endpoint("lead.captured", "lead.qualified", "commission.earned");
        queueDown = true;
        assertThrows(IllegalStateException.class, () -> fanOut.fanOut(batch()));
        queueDown = false;
        assertEquals(new FanOutEvents.FannedOut(3, 3, 0), fanOut.fanOut(batch()), "claimed, never queued: again");
        assertEquals(new FanOutEvents.FannedOut(3, 0, 3), fanOut.fanOut(batch()));
        assertEquals(3, queued.size());
    }

    @Test
    void noEndpoint_orNoEventOfAType_queuesNothing() {
        assertEquals(new FanOutEvents.FannedOut(3, 0, 0), fanOut.fanOut(batch()));
        assertEquals(new FanOutEvents.FannedOut(0, 0, 0), fanOut.fanOut(List.of()));
        assertEquals(List.of(), queued);
    }

    @Test
    void applications_approvals_andFailedPayouts_goToWhoeverWantsThem() {
        WebhookEndpoint onboarding = endpoint("partner.applied", "partner.approved", "payout.failed");
        var application = new dev.refer.core.application.Application(
                new dev.refer.core.application.ApplicationId("01JE0000000000000000000001"), "Ada",
                new EmailAddress("ada@partner.example"), "Ada Co", null, "DE",
                List.of(dev.refer.core.application.Channel.NEWSLETTER), null, null, "1", "203.0.113.9", "Mozilla",
                dev.refer.core.application.ApplicationStatus.PENDING, null, null, AT, AT, null);
        var ready = new dev.refer.core.payout.Payout(new dev.refer.core.payout.PayoutId("2026-10-EUR-" + ADA.value()),
                ADA, java.time.YearMonth.of(2026, 10), Money.of(5_000, "EUR"), 2,
                dev.refer.core.payout.PayoutStatus.READY, AT, AT, AT, null, null, false);
        var failed = new dev.refer.core.payout.Payout(ready.id(), ADA, ready.period(), ready.amount(), 2,
                dev.refer.core.payout.PayoutStatus.FAILED, AT, AT, AT, null, "account closed", false);
        List<DomainEvent> events = new ArrayList<>(dev.refer.core.application.ApplicationEvents.of(null, application));
        events.addAll(dev.refer.core.application.ApplicationEvents.of(application, application.approved(AT.plusSeconds(60))));
        events.addAll(DomainEvents.ofPayout(ready, failed));

        assertEquals(new FanOutEvents.FannedOut(3, 3, 0), fanOut.fanOut(events));
        assertEquals(List.of(EventType.PARTNER_APPLIED, EventType.PARTNER_APPROVED, EventType.PAYOUT_FAILED),
                queued.stream().map(d -> d.event().type()).toList());
        WebhookEvent applied = queued.getFirst().event();
        assertEquals("ada@partner.example", applied.data().get("email"));
        assertEquals(List.of("newsletter"), applied.data().get("channels"));
        assertEquals(null, applied.data().get("ip"), "the applicant's address and browser stay with us");
        assertEquals("01JE0000000000000000000001", queued.get(1).event().data().get("partnerId"));
        assertEquals(AT.plusSeconds(60), queued.get(1).event().occurredAt());
        assertEquals("account closed", queued.get(2).event().data().get("reason"));
        assertEquals(onboarding.id(), queued.get(2).endpointId());
    }
}

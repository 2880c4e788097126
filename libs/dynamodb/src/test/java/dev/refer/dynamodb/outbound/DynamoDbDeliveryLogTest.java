package dev.refer.dynamodb.outbound;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.events.DomainEvents;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.DeliveryRecord;
import dev.refer.core.outbound.FanOutEvents;
import dev.refer.core.outbound.ManageWebhookEndpoints;
import dev.refer.core.outbound.OutboundDelivery;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.TestTable;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import dev.refer.core.outbound.DeliveryCodec;
import dev.refer.core.outbound.WebhookEndpointId;
import java.util.Map;
import java.util.Optional;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fan-out's exactly-once on DynamoDB Local: a stream batch delivered twice queues each delivery once. */
class DynamoDbDeliveryLogTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    /** The queue's message in these tests: the delivery kept in memory under its id (the JSON is sqs-messages'). */
    private static final Map<String, OutboundDelivery> SEEN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final DeliveryCodec CODEC = new DeliveryCodec() {
        @Override
        public String encode(OutboundDelivery delivery) {
            SEEN.put(delivery.id(), delivery);
            return delivery.id();
        }

        @Override
        public OutboundDelivery decode(String encoded) {
            return SEEN.get(encoded);
        }
    };
    private final TestTable table = TestTable.create();
    private final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    private final DynamoDbWebhookEndpoints endpoints = new DynamoDbWebhookEndpoints(table.client(), table.config());
    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(table.client(), table.config(), CODEC, clock);
    private final List<OutboundDelivery> queued = new ArrayList<>();
    private boolean queueDown;
    private final FanOutEvents fanOut = new FanOutEvents(endpoints, log, deliveries -> {
        if (queueDown) {
            throw new IllegalStateException("SQS refused");
        }
        queued.addAll(deliveries);
    });

    private static List<DomainEvent> batch() {
        Lead lead = new Lead(new LeadId("01JC0000000000000000000001"), new EmailAddress("jane@client.example"),
                "Jane", null, null, null, LeadStatus.NEW, new Attribution(new PartnerId("01JB0000000000000000000001"),
                Attribution.Path.CODE, null, null, null), null, AT, AT, null, null);
        return DomainEvents.ofLead(null, lead);
    }

    @Test
    void aBatchDeliveredTwice_queuesOnce_andAnInterruptedOne_isQueuedAgain() {
        new ManageWebhookEndpoints(endpoints, new UlidGenerator(clock), clock, new SecureRandom()).register(
                new ManageWebhookEndpoints.Registration("https://crm.example.com/hook", List.of("lead.captured"),
                        null));
        queueDown = true;
        assertThrows(IllegalStateException.class, () -> fanOut.fanOut(batch()));
        queueDown = false;
        assertEquals(new FanOutEvents.FannedOut(1, 1, 0), fanOut.fanOut(batch()));
        assertEquals(new FanOutEvents.FannedOut(1, 0, 1), fanOut.fanOut(batch()));
        assertEquals(1, queued.size());

        var key = TableKeys.webhookDelivery(queued.getFirst().id());
        var item = table.item(key.pk(), key.sk());
        assertEquals("WEBHOOK_DELIVERY", item.get("type").s());
        assertEquals("QUEUED", item.get("status").s());
        assertEquals("lead.captured.01JC0000000000000000000001", item.get("eventId").s());
        assertEquals(TableKeys.deliveriesOf(queued.getFirst().endpointId().value()), item.get("gsi1pk").s());
    }

    @Test
    void eachAttempt_isWrittenOnItsRecord_andTheLogListsNewestFirst() {
        var endpoint = ((ManageWebhookEndpoints.Registered.Created) new ManageWebhookEndpoints(endpoints,
                new UlidGenerator(clock), clock, new SecureRandom()).register(new ManageWebhookEndpoints.Registration(
                "https://crm.example.com/hook", List.of("lead.captured", "lead.qualified"), null))).endpoint();
        Lead lead = ((DomainEvent.LeadCaptured) batch().getFirst()).lead();
        Lead qualified = new Lead(lead.id(), lead.email(), lead.name(), null, null, null, LeadStatus.QUALIFIED,
                lead.attribution(), null, AT, AT, null, null);
        fanOut.fanOut(batch());
        new FanOutEvents(endpoints, new DynamoDbDeliveryLog(table.client(), table.config(), CODEC,
                Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC)), queued::addAll)
                .fanOut(DomainEvents.ofLead(lead, qualified));
        DynamoDbDeliveryRecords records = new DynamoDbDeliveryRecords(table.client(), table.config(), CODEC);
        records.record(queued.getFirst(), new DeliverWebhook.Attempt(1, AT, 500, null, "retrying"));
        records.record(queued.getFirst(), new DeliverWebhook.Attempt(2, AT.plusSeconds(30), null,
                "SocketTimeoutException", "retrying"));
        records.record(queued.getFirst(), new DeliverWebhook.Attempt(3, AT.plusSeconds(90), 204, null, "delivered"));

        var log = records.list(endpoint.id(), PageRequest.first(10)).items();
        assertEquals(List.of("lead.qualified.01JC0000000000000000000001", "lead.captured.01JC0000000000000000000001"),
                log.stream().map(DeliveryRecord::eventId).toList());
        DeliveryRecord delivered = log.get(1);
        assertEquals("DELIVERED", delivered.status());
        assertEquals(3, delivered.attempts());
        assertEquals(204, delivered.lastStatusCode());
        assertEquals(null, delivered.lastError());
        assertEquals("QUEUED", log.getFirst().status());
        assertEquals(0, log.getFirst().attempts());
    }

    @Test
    void aDeliveryDone_isKnownDelivered_andAReplayFindsItOnlyUnderItsOwnEndpoint() {
        var endpoint = ((ManageWebhookEndpoints.Registered.Created) new ManageWebhookEndpoints(endpoints,
                new UlidGenerator(clock), clock, new SecureRandom()).register(new ManageWebhookEndpoints.Registration(
                "https://crm.example.com/hook", List.of("lead.captured"), null))).endpoint();
        fanOut.fanOut(batch());
        DynamoDbDeliveryRecords records = new DynamoDbDeliveryRecords(table.client(), table.config(), CODEC);
        OutboundDelivery delivery = queued.getFirst();
        assertEquals(false, records.delivered(delivery));
        records.record(delivery, new DeliverWebhook.Attempt(1, AT, 200, null, "delivered"));
        assertEquals(true, records.delivered(delivery));

        assertEquals(Optional.of(delivery), records.find(endpoint.id(), delivery.id()));
        assertEquals(Optional.empty(), records.find(new WebhookEndpointId("01JZZZZZZZZZZZZZZZZZZZZZZZ"),
                delivery.id()), "another endpoint's delivery");
        assertEquals(Optional.empty(), records.find(endpoint.id(), "msg_nothing"));
        records.requeued(delivery);
        assertEquals(false, records.delivered(delivery));
        assertEquals("QUEUED", records.list(endpoint.id(), PageRequest.first(10)).items().getFirst().status());
    }

    @Test
    void anEndpointsHealth_isNotedAndCleared_andOnlyAStillFailingEndpointIsDisabled() {
        var endpoint = ((ManageWebhookEndpoints.Registered.Created) new ManageWebhookEndpoints(endpoints,
                new UlidGenerator(clock), clock, new SecureRandom()).register(new ManageWebhookEndpoints.Registration(
                "https://crm.example.com/hook", List.of("lead.captured"), null))).endpoint();
        endpoints.markFailing(endpoint.id(), AT);
        endpoints.markFailing(endpoint.id(), AT.plusSeconds(60));
        assertEquals(AT, endpoints.find(endpoint.id()).orElseThrow().failingSince(), "the first failure is kept");
        assertEquals(false, endpoints.disableFailing(endpoint.id(), AT.plusSeconds(60), "failing", AT),
                "failing since another time: not disabled");
        assertEquals(true, endpoints.disableFailing(endpoint.id(), AT, "failing", AT.plusSeconds(3 * 86_400)));
        assertEquals(false, endpoints.disableFailing(endpoint.id(), AT, "failing", AT.plusSeconds(3 * 86_400)),
                "once");
        var disabled = endpoints.find(endpoint.id()).orElseThrow();
        assertEquals(false, disabled.enabled());
        assertEquals("failing", disabled.disabledReason());
        endpoints.markHealthy(endpoint.id());
        assertEquals(null, endpoints.find(endpoint.id()).orElseThrow().failingSince());
        endpoints.markFailing(new WebhookEndpointId("01JZZZZZZZZZZZZZZZZZZZZZZZ"), AT); // gone: nothing written
        assertEquals(1, endpoints.list().size());
    }
}

package dev.refer.core.outbound;

import dev.refer.core.fakes.InMemoryWebhookEndpoints;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One delivery attempt's rules with fakes: signed, sent only to public addresses, retried, given up, dropped. */
class DeliverWebhookTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private final TestClock clock = new TestClock(AT);
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final ManageWebhookEndpoints manage = new ManageWebhookEndpoints(endpoints, new SequenceIds(), clock,
            new SecureRandom());
    private final List<Map<String, String>> sent = new ArrayList<>();
    private final List<DeliverWebhook.Attempt> attempts = new ArrayList<>();
    private final java.util.Set<String> delivered = new java.util.HashSet<>();
    private final List<String> notices = new ArrayList<>();
    private int answer = 204;
    private String resolvesTo = "93.184.215.14";

    private final DeliverWebhook deliver = new DeliverWebhook(endpoints,
            host -> List.of(InetAddress.getByName(resolvesTo)),
            (url, address, headers, body) -> {
                if (answer < 0) {
                    throw new SocketTimeoutException("read timed out");
                }
                sent.add(headers);
                return answer;
            },
            new DeliverWebhook.AttemptLog() {
                @Override
                public void record(OutboundDelivery delivery, DeliverWebhook.Attempt attempt) {
                    attempts.add(attempt);
                    if (attempt.outcome().equals("delivered")) {
                        delivered.add(delivery.id());
                    }
                }

                @Override
                public boolean delivered(OutboundDelivery delivery) {
                    return delivered.contains(delivery.id());
                }
            }, delivery -> "{\"type\":\"lead.captured\"}",
            (endpoint, since, at, lastError) -> notices.add(endpoint.id().value() + " since " + since + ": " + lastError),
            clock);

    private OutboundDelivery delivery() {
        WebhookEndpoint endpoint = assertInstanceOf(ManageWebhookEndpoints.Registered.Created.class, manage.register(
                new ManageWebhookEndpoints.Registration("https://crm.example.com/hook", List.of("lead.captured"),
                        null))).endpoint();
        return OutboundDelivery.of(new WebhookEvent("lead.captured.01JC0000000000000000000001",
                EventType.LEAD_CAPTURED, AT, Map.of()), endpoint.id());
    }

    @Test
    void a2xx_isDelivered_signedAsStandardWebhooks() {
        OutboundDelivery delivery = delivery();
        assertEquals(new DeliverWebhook.Outcome.Delivered(204), deliver.deliver(delivery, 1, AT));
        Map<String, String> headers = sent.getFirst();
        assertEquals(delivery.id(), headers.get("webhook-id"));
        assertEquals(Long.toString(AT.getEpochSecond()), headers.get("webhook-timestamp"));
        WebhookEndpoint endpoint = endpoints.find(delivery.endpointId()).orElseThrow();
        assertEquals(WebhookSignature.header(delivery.id(), AT.getEpochSecond(), "{\"type\":\"lead.captured\"}",
                List.of(endpoint.secret())), headers.get("webhook-signature"));
        assertEquals("delivered", attempts.getFirst().outcome());
    }

    @Test
    void aRotatedEndpoint_getsBothSignatures() {
        OutboundDelivery delivery = delivery();
        manage.rotateSecret(delivery.endpointId());
        deliver.deliver(delivery, 1, AT);
        assertEquals(2, sent.getFirst().get("webhook-signature").split(" ").length);
    }

    @Test
    void failures_areRetriedWithBackoff_thenGivenUpAfterThreeDays() {
        OutboundDelivery delivery = delivery();
        answer = 500;
        assertEquals(new DeliverWebhook.Outcome.RetryAfter(Duration.ofSeconds(30)), deliver.deliver(delivery, 1, AT));
        answer = -1;
        assertEquals(new DeliverWebhook.Outcome.RetryAfter(Duration.ofSeconds(60)), deliver.deliver(delivery, 2, AT));
        assertEquals("SocketTimeoutException", attempts.get(1).error());
        clock.advance(Duration.ofDays(3));
        answer = 503;
        assertInstanceOf(DeliverWebhook.Outcome.GaveUp.class, deliver.deliver(delivery, 15, AT));
        assertEquals(503, attempts.getLast().statusCode());
        assertEquals("gave up", attempts.getLast().outcome());
    }

    @Test
    void aHostResolvingInside_isNeverContacted() {
        OutboundDelivery delivery = delivery();
        for (String inside : List.of("10.0.0.1", "127.0.0.1", "169.254.169.254", "::1", "fc00::1")) {
            resolvesTo = inside;
            assertInstanceOf(DeliverWebhook.Outcome.RetryAfter.class, deliver.deliver(delivery, 1, AT));
        }
        assertTrue(sent.isEmpty());
        assertTrue(attempts.getLast().error().contains("private"));
    }

    @Test
    void aDeletedOrDisabledEndpoint_dropsTheDelivery() {
        OutboundDelivery delivery = delivery();
        manage.change(delivery.endpointId(), new ManageWebhookEndpoints.Change(null, null, null, false));
        assertInstanceOf(DeliverWebhook.Outcome.Dropped.class, deliver.deliver(delivery, 1, AT));
        manage.delete(delivery.endpointId());
        assertInstanceOf(DeliverWebhook.Outcome.Dropped.class, deliver.deliver(delivery, 2, AT));
        assertTrue(sent.isEmpty());
    }

    @Test
    void aDeliveryTheQueueDeliversAgain_isNotSentTwice() {
        OutboundDelivery delivery = delivery();
        assertInstanceOf(DeliverWebhook.Outcome.Delivered.class, deliver.deliver(delivery, 1, AT));
        assertInstanceOf(DeliverWebhook.Outcome.AlreadyDelivered.class, deliver.deliver(delivery, 2, AT));
        assertEquals(1, sent.size());
        assertEquals(1, attempts.size());
    }

    @Test
    void anEndpointFailingForThreeDays_isDisabled_andTheManagerToldOnce() {
        OutboundDelivery delivery = delivery();
        answer = 500;
        deliver.deliver(delivery, 1, AT);
        assertEquals(AT, endpoints.find(delivery.endpointId()).orElseThrow().failingSince(), "first failure noted");
        clock.advance(Duration.ofDays(2));
        deliver.deliver(delivery, 2, AT);
        assertTrue(endpoints.find(delivery.endpointId()).orElseThrow().enabled(), "two days: still enabled");
        assertEquals(AT, endpoints.find(delivery.endpointId()).orElseThrow().failingSince(), "kept from the first");
        clock.advance(Duration.ofDays(1));
        deliver.deliver(delivery, 3, AT);
        WebhookEndpoint disabled = endpoints.find(delivery.endpointId()).orElseThrow();
        assertTrue(!disabled.enabled());
        assertEquals(DeliverWebhook.DISABLED_FOR_FAILING, disabled.disabledReason());
        assertEquals(List.of(disabled.id().value() + " since " + AT + ": HTTP 500"), notices);
        assertInstanceOf(DeliverWebhook.Outcome.Dropped.class, deliver.deliver(delivery, 4, AT));
        assertEquals(1, notices.size(), "told once");
        manage.change(delivery.endpointId(), new ManageWebhookEndpoints.Change(null, null, null, true));
        assertEquals(null, endpoints.find(delivery.endpointId()).orElseThrow().failingSince(),
                "enabled again: its failures start afresh");
    }

    @Test
    void anEndpointAnsweringAgain_isNoLongerFailing() {
        OutboundDelivery delivery = delivery();
        answer = 502;
        deliver.deliver(delivery, 1, AT);
        clock.advance(Duration.ofDays(2));
        answer = 200;
        deliver.deliver(delivery, 2, AT);
        assertEquals(null, endpoints.find(delivery.endpointId()).orElseThrow().failingSince());
        clock.advance(Duration.ofDays(2));
        answer = 500;
        deliver.deliver(OutboundDelivery.of(new WebhookEvent("lead.captured.01JC0000000000000000000002",
                EventType.LEAD_CAPTURED, AT, Map.of()), delivery.endpointId()), 1, AT);
        assertTrue(endpoints.find(delivery.endpointId()).orElseThrow().enabled(), "its clock started again");
        assertTrue(notices.isEmpty());
    }
}

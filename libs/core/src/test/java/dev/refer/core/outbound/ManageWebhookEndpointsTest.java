package dev.refer.core.outbound;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.InMemoryWebhookEndpoints;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint registry's rules with an in-memory store. */
class ManageWebhookEndpointsTest {

    private final InMemoryWebhookEndpoints store = new InMemoryWebhookEndpoints();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final ManageWebhookEndpoints manage = new ManageWebhookEndpoints(store, new SequenceIds(), clock,
            new SecureRandom());

    private WebhookEndpoint register(String url, String... types) {
        return assertInstanceOf(ManageWebhookEndpoints.Registered.Created.class,
                manage.register(new ManageWebhookEndpoints.Registration(url, List.of(types), " CRM "))).endpoint();
    }

    @Test
    void register_storesTheEndpoint_withAFreshStandardWebhooksSecret() {
        WebhookEndpoint endpoint = register("https://crm.example.com/hook", "lead.captured", "payout.paid");
        assertEquals(Set.of(EventType.LEAD_CAPTURED, EventType.PAYOUT_PAID), endpoint.eventTypes());
        assertEquals("CRM", endpoint.description());
        assertTrue(endpoint.enabled());
        assertTrue(endpoint.secret().value().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(endpoint.secret().value().substring(6)).length);
        assertEquals(endpoint, store.find(endpoint.id()).orElseThrow());
        assertFalse(endpoint.secret().toString().contains(endpoint.secret().value().substring(6)));
        assertNotEquals(endpoint.secret(), register("https://crm.example.com/hook", "lead.captured").secret());
    }

    @Test
    void badInput_namesEachField_andStoresNothing() {
        Invalid invalid = assertThrows(Invalid.class, () -> manage.register(new ManageWebhookEndpoints.Registration(
                "http://10.0.0.1/", List.of("lead.captured", "lead.deleted"), "x".repeat(201))));
        assertEquals(Set.of("url", "eventTypes", "description"), invalid.violations().stream()
                .map(Invalid.Violation::field).collect(Collectors.toSet()));
        assertThrows(Invalid.class, () -> manage.register(new ManageWebhookEndpoints.Registration(
                "https://crm.example.com/", List.of(), null)));
        assertThrows(Invalid.class, () -> manage.register(new ManageWebhookEndpoints.Registration(
                "https://crm.example.com/", null, null)));
        assertTrue(store.endpoints.isEmpty());
    }

    @Test
    void aProgram_hasAtMostTwentyEndpoints() {
        for (int i = 0; i < ManageWebhookEndpoints.MAX_ENDPOINTS; i++) {
            register("https://crm.example.com/" + i, "lead.captured");
        }
        assertInstanceOf(ManageWebhookEndpoints.Registered.TooMany.class, manage.register(
                new ManageWebhookEndpoints.Registration("https://crm.example.com/x", List.of("lead.captured"), null)));
        assertEquals(ManageWebhookEndpoints.MAX_ENDPOINTS, store.endpoints.size());
    }

    @Test
    void change_keepsWhatIsNotNamed_andDisablingStopsDeliveries() {
        WebhookEndpoint endpoint = register("https://crm.example.com/hook", "lead.captured");
        clock.advance(Duration.ofMinutes(1));
        WebhookEndpoint changed = manage.change(endpoint.id(), new ManageWebhookEndpoints.Change(null,
                List.of("payout.paid"), null, false)).orElseThrow();
        assertEquals(endpoint.url(), changed.url());
        assertEquals("CRM", changed.description());
        assertEquals(endpoint.secret(), changed.secret());
        assertFalse(changed.wants(EventType.PAYOUT_PAID));
        assertEquals(clock.instant(), changed.updatedAt());
        WebhookEndpoint enabled = manage.change(endpoint.id(), new ManageWebhookEndpoints.Change(null, null, null,
                true)).orElseThrow();
        assertTrue(enabled.wants(EventType.PAYOUT_PAID));
        assertEquals(null, enabled.disabledReason());
        assertThrows(Invalid.class, () -> manage.change(endpoint.id(), new ManageWebhookEndpoints.Change(
                "https://127.0.0.1/", null, null, null)));
        assertEquals(enabled, store.find(endpoint.id()).orElseThrow());
        assertTrue(manage.change(new WebhookEndpointId("01JC0000000000000000000999"),
                new ManageWebhookEndpoints.Change(null, null, "x", null)).isEmpty());
    }

    @Test
    void rotation_signsWithBothSecrets_forADay() {
        WebhookEndpoint endpoint = register("https://crm.example.com/hook", "lead.captured");
        WebhookEndpoint rotated = manage.rotateSecret(endpoint.id()).orElseThrow();
        assertNotEquals(endpoint.secret(), rotated.secret());
        assertEquals(List.of(rotated.secret(), endpoint.secret()), rotated.signingSecrets(clock.instant()));
        String header = WebhookSignature.header("msg_1", 1_700_000_000L, "{}", rotated.signingSecrets(clock.instant()));
        assertEquals(2, header.split(" ").length);
        assertEquals(List.of(rotated.secret()), rotated.signingSecrets(clock.instant().plus(Duration.ofHours(24))));
    }

    @Test
    void delete_removesIt_once() {
        WebhookEndpoint endpoint = register("https://crm.example.com/hook", "lead.captured");
        assertTrue(manage.delete(endpoint.id()));
        assertFalse(manage.delete(endpoint.id()));
    }

    @Test
    void signature_isTheStandardWebhooksExample() {
        // the example of the Standard Webhooks specification (and of its libraries' tests)
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.header(
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}", List.of(secret)));
    }

    @Test
    void theEventTypes_areTheFixedList() {
        assertEquals(10, EventType.values().length);
        assertEquals(List.of("partner.applied", "partner.approved", "lead.captured", "lead.qualified",
                "lead.rejected", "sale.attributed", "commission.earned", "commission.reversed", "payout.paid",
                "payout.failed"), EventType.wireNames());
    }
}

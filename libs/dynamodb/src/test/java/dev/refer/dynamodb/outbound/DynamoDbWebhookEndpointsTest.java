package dev.refer.dynamodb.outbound;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.ManageWebhookEndpoints;
import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.dynamodb.TestTable;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint registry on DynamoDB Local: items in the program's partition, listed by one Query. */
class DynamoDbWebhookEndpointsTest {

    private final TestTable table = TestTable.create();
    private final DynamoDbWebhookEndpoints endpoints = new DynamoDbWebhookEndpoints(table.client(), table.config());
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private final ManageWebhookEndpoints manage = new ManageWebhookEndpoints(endpoints, new UlidGenerator(clock),
            clock, new SecureRandom());

    private WebhookEndpoint register(String url, String... types) {
        return assertInstanceOf(ManageWebhookEndpoints.Registered.Created.class, manage.register(
                new ManageWebhookEndpoints.Registration(url, List.of(types), "the CRM"))).endpoint();
    }

    @Test
    void register_find_list_roundTripTheItem() {
        WebhookEndpoint crm = register("https://crm.example.com/hook", "lead.captured", "commission.earned");
        WebhookEndpoint warehouse = register("https://dw.example.com/in", "payout.paid");
        assertEquals(crm, endpoints.find(crm.id()).orElseThrow());
        // by id (ULIDs of the same millisecond are in random order)
        assertEquals(Stream.of(crm, warehouse).sorted(Comparator.comparing(e -> e.id().value())).toList(),
                endpoints.list());
        var key = TableKeys.webhookEndpoint(table.config().programId().value(), crm.id().value());
        var item = table.item(key.pk(), key.sk());
        assertEquals("WEBHOOK_ENDPOINT", item.get("type").s());
        assertEquals(List.of("lead.captured", "commission.earned"),
                item.get("eventTypes").l().stream().map(v -> v.s()).toList());
    }

    @Test
    void rotate_keepsThePreviousSecret_change_andDelete() {
        WebhookEndpoint crm = register("https://crm.example.com/hook", "lead.captured");
        WebhookEndpoint rotated = manage.rotateSecret(crm.id()).orElseThrow();
        assertEquals(rotated, endpoints.find(crm.id()).orElseThrow());
        assertEquals(crm.secret(), rotated.previousSecret());
        WebhookEndpoint changed = manage.change(crm.id(), new ManageWebhookEndpoints.Change(null,
                List.of("lead.rejected", "lead.qualified"), null, false)).orElseThrow();
        assertEquals(Set.of(EventType.LEAD_QUALIFIED, EventType.LEAD_REJECTED),
                endpoints.find(crm.id()).orElseThrow().eventTypes());
        assertFalse(endpoints.find(crm.id()).orElseThrow().enabled());
        assertEquals(changed, endpoints.find(crm.id()).orElseThrow());
        assertTrue(manage.delete(crm.id()));
        assertFalse(manage.delete(crm.id()));
        assertFalse(endpoints.replace(changed), "a deleted endpoint is not written back");
        assertTrue(endpoints.find(crm.id()).isEmpty());
        assertTrue(endpoints.list().isEmpty());
        assertTrue(endpoints.find(new WebhookEndpointId("01JC0000000000000000000999")).isEmpty());
    }
}

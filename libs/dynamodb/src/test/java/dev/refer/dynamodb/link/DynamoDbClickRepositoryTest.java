package dev.refer.dynamodb.link;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbClickRepositoryTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbClickRepository clicks = new DynamoDbClickRepository(table.client(), table.config());

    @Test
    void record_thenFind_roundTripsTheClick() {
        Click click = click("newsletter");

        clicks.record(click);

        assertEquals(click, clicks.find(click.id()).orElseThrow());
    }

    @Test
    void record_storesASmallItemWithTtlInEpochSeconds() {
        Click click = click(null);

        clicks.record(click);

        Map<String, AttributeValue> item = table.item("CLICK#" + click.id().value(), "CLICK");
        assertEquals(Set.of("pk", "sk", "type", "code", "partnerId", "at", "expiresAt"), item.keySet());
        assertEquals("CLICK", item.get("type").s());
        assertEquals("2026-05-04T10:00:00.123Z", item.get("at").s());
        assertEquals(Long.toString(Instant.parse("2026-08-02T10:00:00Z").getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void find_whenUnknown_isEmpty() {
        assertTrue(clicks.find(new ClickId(fixtures.newId())).isEmpty());
    }

    private Click click(String campaign) {
        return new Click(new ClickId(fixtures.newId()), new LinkCode("ada-news"), new PartnerId(fixtures.newId()),
                campaign, Instant.parse("2026-05-04T10:00:00.123Z"), Instant.parse("2026-08-02T10:00:00Z"));
    }
}

package dev.refer.dynamodb;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.portal.DashboardCounters;
import dev.refer.dynamodb.link.DynamoDbLinkCount;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerProfiles;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.stats.DynamoDbDashboardCounters;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner portal's adapters on DynamoDB Local: the dashboard's counters, the bounded link count, the profile. */
class PortalAdaptersTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();

    @Test
    void dashboardCounters_readTheStatsItems_andEveryMonthsClicksPerLink() {
        PartnerId partner = fixtures.partnerId();
        put(TableKeys.partnerPk(partner.value()), "STATS#ALL", Map.of("leads", 7L, "revenue.EUR", 1_000L,
                TableKeys.GSI3SK, 1_000L));
        put(TableKeys.partnerPk(partner.value()), "STATS#2026-05", Map.of("leads", 2L));
        put(TableKeys.partnerPk(partner.value()), "CLICKS#2026-04", Map.of("clicks", 10L, "l:a", 10L, "epoch", 3L));
        put(TableKeys.partnerPk(partner.value()), "CLICKS#2026-05", Map.of("clicks", 5L, "l:a", 2L, "l:b", 1L,
                "epoch", 4L));
        put(TableKeys.partnerPk(partner.value()), "CLICKS#2026-05#1", Map.of("l:c", 2L, "epoch", 4L));
        put(TableKeys.partnerPk(fixtures.partnerId().value()), "CLICKS#2026-05", Map.of("clicks", 99L, "l:z", 99L));

        DashboardCounters.Snapshot snapshot = new DynamoDbDashboardCounters(table.client(), table.config())
                .read(partner, YearMonth.of(2026, 5));

        assertEquals(Map.of("leads", 7L, "revenue.EUR", 1_000L, "clicks", 15L), snapshot.allTime());
        assertEquals(Map.of("leads", 2L, "clicks", 5L), snapshot.month());
        assertEquals(Map.of("a", 12L, "b", 1L, "c", 2L), snapshot.linkClicks());
        assertEquals(Map.of("a", 2L, "b", 1L, "c", 2L), snapshot.linkClicksMonth());

        DashboardCounters.Snapshot none = new DynamoDbDashboardCounters(table.client(), table.config())
                .read(fixtures.partnerId(), YearMonth.of(2026, 5));
        assertEquals(Map.of("clicks", 0L), none.allTime());
        assertEquals(Map.of(), none.linkClicks());
    }

    @Test
    void linkCount_countsOnlyAsFarAsAsked() {
        PartnerId partner = fixtures.partnerId();
        DynamoDbLinkRepository links = new DynamoDbLinkRepository(table.client(), table.config());
        for (int i = 0; i < 5; i++) {
            links.create(fixtures.link(partner, "code-" + i));
        }
        links.create(fixtures.link(fixtures.partnerId(), "other"));
        DynamoDbLinkCount count = new DynamoDbLinkCount(table.client(), table.config());
        assertEquals(5, count.countUpTo(partner, 10));
        assertEquals(3, count.countUpTo(partner, 3));
        assertEquals(0, count.countUpTo(fixtures.partnerId(), 3));
    }

    @Test
    void profile_renamesAnExistingPartnerOnly() {
        DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());
        Partner ada = fixtures.partner("ada@example.com");
        partners.create(ada);
        DynamoDbPartnerProfiles profiles = new DynamoDbPartnerProfiles(table.client(), table.config());

        Partner renamed = profiles.rename(ada.id(), "Ada L.", "Analytical Engines").orElseThrow();
        assertEquals("Ada L.", renamed.name());
        assertEquals("Analytical Engines", renamed.company());
        assertEquals(ada.email(), renamed.email());
        assertEquals(ada.status(), renamed.status());
        assertNull(profiles.rename(ada.id(), "Ada", null).orElseThrow().company());
        assertEquals(renamed.createdAt(), partners.find(ada.id()).orElseThrow().createdAt());

        assertTrue(profiles.rename(fixtures.partnerId(), "Nobody", null).isEmpty());
        assertEquals(1, table.count("PARTNER"), "no stub item for a partner that does not exist");
    }

    private void put(String pk, String sk, Map<String, Long> numbers) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(pk));
        item.put(TableKeys.SK, AttributeValue.fromS(sk));
        numbers.forEach((name, value) -> item.put(name, AttributeValue.fromN(Long.toString(value))));
        table.client().putItem(r -> r.tableName(table.name()).item(item));
    }
}

package dev.refer.dynamodb;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.StatsRepository.ClickIncrement;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbStatsRepositoryTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbStatsRepository stats =
            new DynamoDbStatsRepository(table.client(), table.config(), fixtures.clock());
    private final PartnerId partner = fixtures.partnerId();

    @Test
    void partnerStats_whenNothingCounted_isEmpty() {
        PartnerStats empty = stats.partnerStats(partner, MAY);

        assertEquals(Map.of(), empty.allTime());
        assertEquals(Map.of(), empty.month());
    }

    @Test
    void applyClicks_countsPartnerAndLinkAllTimeAndPerMonth() {
        assertTrue(stats.applyClicks("shard-1#100", List.of(new ClickIncrement(partner, "ada-news", MAY, 3))));

        PartnerStats counters = stats.partnerStats(partner, MAY);
        assertEquals(Map.of(Counters.CLICKS, 3L), counters.allTime());
        assertEquals(Map.of(Counters.CLICKS, 3L), counters.month());
        assertEquals("3", table.item("LINK#ada-news", "STATS#ALL").get("clicks").n());
        assertEquals("3", table.item("LINK#ada-news", "STATS#2026-05").get("clicks").n());
        assertEquals("LINK_STATS", table.item("LINK#ada-news", "STATS#ALL").get("type").s());
    }

    @Test
    void applyClicks_whenSameChunkAppliedTwice_countsOnceAndSaysSo() {
        List<ClickIncrement> chunk = List.of(new ClickIncrement(partner, "ada-news", MAY, 2));
        stats.applyClicks("shard-1#100", chunk);

        assertFalse(stats.applyClicks("shard-1#100", chunk));

        assertEquals(2L, stats.partnerStats(partner, null).allTime(Counters.CLICKS));
        assertEquals(1, table.count("COUNTED"));
    }

    @Test
    void applyClicks_whenTwoLinksOfOnePartnerInOneChunk_mergesThePartnersCounterUpdates() {
        PartnerId other = fixtures.partnerId();

        assertTrue(stats.applyClicks("shard-1#200", List.of(
                new ClickIncrement(partner, "ada-news", MAY, 2),
                new ClickIncrement(partner, "ada-blog", MAY, 5),
                new ClickIncrement(partner, "ada-blog", JUNE, 1),
                new ClickIncrement(other, "bob-news", MAY, 7))));

        assertEquals(8L, stats.partnerStats(partner, null).allTime(Counters.CLICKS));
        assertEquals(Map.of(Counters.CLICKS, 7L), stats.partnerStats(partner, MAY).month());
        assertEquals(Map.of(Counters.CLICKS, 1L), stats.partnerStats(partner, JUNE).month());
        assertEquals("6", table.item("LINK#ada-blog", "STATS#ALL").get("clicks").n());
        assertEquals(7L, stats.partnerStats(other, MAY).allTime(Counters.CLICKS));
    }

    @Test
    void applyClicks_marksTheChunkWithASevenDayTtl() {
        stats.applyClicks("shard-1#300", List.of(new ClickIncrement(partner, "ada-news", MAY, 1)));

        Map<String, AttributeValue> marker = table.item("COUNTED#shard-1#300", "COUNTED");
        long expiresAt = Long.parseLong(marker.get("expiresAt").n());
        long expected = Fixtures.START.plusSeconds(7 * 24 * 3600).getEpochSecond();
        assertTrue(Math.abs(expiresAt - expected) <= 1, "expiresAt " + Instant.ofEpochSecond(expiresAt));
    }

    @Test
    void applyClicks_whenNewMonthArrives_leavesEarlierMonthsAlone() {
        stats.applyClicks("shard-1#1", List.of(new ClickIncrement(partner, "ada-news", MAY, 4)));
        stats.applyClicks("shard-1#2", List.of(new ClickIncrement(partner, "ada-news", JUNE, 1)));

        assertEquals(5L, stats.partnerStats(partner, JUNE).allTime(Counters.CLICKS));
        assertEquals(Map.of(Counters.CLICKS, 4L), stats.partnerStats(partner, MAY).month());
        assertEquals(Map.of(Counters.CLICKS, 1L), stats.partnerStats(partner, JUNE).month());
    }
}

package dev.refer.dynamodb;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.StatsRepository.Applied;
import dev.refer.core.stats.StatsRepository.ClickCount;
import dev.refer.core.stats.StatsRepository.Projected;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbStatsRepositoryTest {

    private static final YearMonth APRIL = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Fixtures fixtures = new Fixtures(); // its clock is in May 2026
    private final TestTable table = TestTable.create();
    private final DynamoDbStatsRepository stats =
            new DynamoDbStatsRepository(table.client(), table.config(), 4, fixtures.clock());
    private final PartnerId partner = fixtures.partnerId();
    private int sequence;

    private Projected click(PartnerId partnerId, String code, YearMonth month) {
        return new Projected(seq(), List.of(), new ClickCount(partnerId, code, month));
    }

    private Projected delta(StatsDelta delta) {
        return new Projected(seq(), List.of(delta), null);
    }

    private String seq() {
        return String.format("%021d", ++sequence);
    }

    @Test
    void partnerStats_whenNothingCounted_isEmpty() {
        PartnerStats empty = stats.partnerStats(partner, APRIL, MAY);
        assertEquals(Map.of(), empty.allTime());
        assertEquals(Map.of(), empty.month());
    }

    @Test
    void clicks_areCountedPerMonth_andSummedOverTheMonthsForAllTime() {
        Applied applied = stats.apply("shard-1", List.of(click(partner, "ada-news", APRIL),
                click(partner, "ada-news", MAY), click(partner, "ada-blog", MAY)));

        assertEquals(new Applied(3, 0, null), applied);
        PartnerStats may = stats.partnerStats(partner, APRIL, MAY);
        assertEquals(3L, may.allTime(Counters.CLICKS));
        assertEquals(2L, may.month().get(Counters.CLICKS));
        assertEquals(1L, stats.partnerStats(partner, APRIL, APRIL).month().get(Counters.CLICKS));
    }

    @Test
    void clicks_ofManyLinks_shareTheMonthsFewShardItems() {
        List<Projected> clicks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clicks.add(click(fixtures.partnerId(), "link-" + i, MAY));
        }
        stats.apply("shard-1", clicks);
        long shardItems = table.items().stream().filter(item -> "CLICK_COUNTS".equals(item.get("type").s())).count();
        assertTrue(shardItems <= 4, "50 links and 50 partners in " + shardItems + " items");
    }

    @Test
    void deltas_addEventsToAllTimeAndTheMonth_andStatusesToAllTimeOnly() {
        stats.apply("shard-1", List.of(delta(StatsDelta.forPartner(partner, fixtures.now())
                .event(Counters.LEADS, 1).status("leadStatus.NEW", 1).build())));

        PartnerStats may = stats.partnerStats(partner, APRIL, MAY);
        assertEquals(1L, may.allTime(Counters.LEADS));
        assertEquals(1L, may.allTime("leadStatus.NEW"));
        assertEquals(Map.of(Counters.LEADS, 1L), may.month());
    }

    @Test
    void aRedeliveredBatch_countsOnce_andSaysSo() {
        List<Projected> batch = List.of(click(partner, "ada-news", MAY), click(partner, "ada-news", MAY));
        stats.apply("shard-1", batch);

        Applied again = stats.apply("shard-1", batch);

        assertEquals(new Applied(0, 1, null), again);
        assertEquals(2L, stats.partnerStats(partner, APRIL, MAY).allTime(Counters.CLICKS));
    }

    @Test
    void aBatchTooLargeForOneTransaction_isSplitIntoChunks_eachCountedOnce() {
        List<Projected> batch = new ArrayList<>();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // 60 partners x 2 counter items > 99 items
            PartnerId p = fixtures.partnerId();
            partners.add(p);
            batch.add(delta(StatsDelta.forPartner(p, fixtures.now()).event(Counters.SALES, 1).build()));
        }
        assertEquals(new Applied(60, 0, null), stats.apply("shard-1", batch));
        assertEquals(2, table.count("COUNTED"), "two chunks");

        Applied again = stats.apply("shard-1", batch);
        assertEquals(new Applied(0, 2, null), again);
        for (PartnerId p : partners) {
            assertEquals(1L, stats.partnerStats(p, MAY, MAY).allTime(Counters.SALES));
        }
    }

    @Test
    void chunkMarkers_expireAfterSevenDays() {
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY)));
        var marker = table.items().stream().filter(item -> "COUNTED".equals(item.get("type").s())).findFirst()
                .orElseThrow();
        long expiresAt = Long.parseLong(marker.get("expiresAt").n());
        long expected = fixtures.now().plus(Duration.ofDays(7)).getEpochSecond();
        assertTrue(Math.abs(expected - expiresAt) < 5, "expires in 7 days");
    }

    @Test
    void recordsThatCountNothing_areAppliedWithoutWriting() {
        assertEquals(new Applied(1, 0, null), stats.apply("shard-1", List.of(new Projected(seq(), List.of(), null))));
        assertEquals(0, table.items().size());
        assertNull(stats.apply("shard-1", List.of()).firstFailedSequenceNumber());
    }
}

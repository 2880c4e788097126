package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.ClickRollups;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.RollUpClicks;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.StatsRepository.Applied;
import dev.refer.core.stats.StatsRepository.ClickCount;
import dev.refer.core.stats.StatsRepository.Projected;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbStatsRepositoryTest {

    private static final YearMonth APRIL = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Fixtures fixtures = new Fixtures(); // its clock is in May 2026
    private final TestTable table = TestTable.create();
    private final DynamoDbStatsRepository stats =
            new DynamoDbStatsRepository(table.client(), table.config(), fixtures.clock());
    private final DynamoDbClickRollups rollups = new DynamoDbClickRollups(table.client(), table.config());
    private final RollUpClicks rollUp = new RollUpClicks(rollups, 4);
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

    private long clicks(PartnerId partnerId, YearMonth month) {
        Long clicks = stats.partnerStats(partnerId, APRIL, month).month().get(Counters.CLICKS);
        return clicks == null ? 0 : clicks;
    }

    @Test
    void partnerStats_whenNothingCounted_isEmpty() {
        PartnerStats empty = stats.partnerStats(partner, APRIL, MAY);
        assertEquals(Map.of(), empty.allTime());
        assertEquals(Map.of(), empty.month());
    }

    @Test
    void clicks_countOnceRolledUp_perMonth_andSummedOverTheMonthsForAllTime() {
        Applied applied = stats.apply("shard-1", List.of(click(partner, "ada-news", APRIL),
                click(partner, "ada-news", MAY), click(partner, "ada-blog", MAY)));
        assertEquals(new Applied(3, 0, null), applied);
        assertEquals(0, clicks(partner, MAY), "waiting in the open epoch");

        RollUpClicks.Result result = rollUp.run();

        assertEquals(new RollUpClicks.Result(1, 3, 2, 0), result);
        PartnerStats may = stats.partnerStats(partner, APRIL, MAY);
        assertEquals(3L, may.allTime(Counters.CLICKS));
        assertEquals(2L, may.month().get(Counters.CLICKS));
        assertEquals(1L, clicks(partner, APRIL));
        var key = Keys.partnerClicks(partner, MAY, 0);
        var monthItem = table.item(key.get("pk").s(), key.get("sk").s());
        assertEquals("1", monthItem.get("l:ada-news").n());
        assertEquals("1", monthItem.get("l:ada-blog").n());
    }

    @Test
    void partnerStats_withoutAMonth_isAllTimeOnly() {
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY)));
        rollUp.run();

        PartnerStats allTime = stats.partnerStats(partner, APRIL, null);

        assertEquals(1L, allTime.allTime(Counters.CLICKS));
        assertEquals(Map.of(), allTime.month());
    }

    @Test
    void clicks_ofManyLinksAndPartners_areOneDeltaItemPerChunk() {
        List<Projected> clicks = new ArrayList<>();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PartnerId p = fixtures.partnerId();
            partners.add(p);
            clicks.add(click(p, "link-" + i, MAY));
            clicks.add(click(p, "link-" + i, MAY));
        }
        stats.apply("shard-1", clicks);

        assertEquals(1, table.count("CLICK_DELTA"), "100 clicks of 50 links and partners in one delta");
        rollUp.run();
        for (PartnerId p : partners) {
            assertEquals(2, clicks(p, MAY));
        }
    }

    @Test
    void deltas_addEventsToAllTimeAndTheMonth_andStatusesToAllTimeOnly() {
        stats.apply("shard-1", List.of(delta(StatsDelta.forPartner(partner, fixtures.now(), java.time.ZoneOffset.UTC)
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
        rollUp.run();
        assertEquals(2L, stats.partnerStats(partner, APRIL, MAY).allTime(Counters.CLICKS));
    }

    /**
     * Lambda bisects a batch whose invocation failed (a timeout after chunks were committed) and retries its halves,
     * then the halves of a half: each starts at a new sequence number, inside a counted chunk.
     */
    @Test
    void aCommittedBatch_deliveredAgainInHalvesAndQuarters_movesNoCount() {
        List<Projected> batch = new ArrayList<>();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // 150 partners x 2 counter items: four chunks; and clicks
            PartnerId p = fixtures.partnerId();
            partners.add(p);
            batch.add(i % 3 == 0 ? click(p, "link-" + i, MAY)
                    : delta(StatsDelta.forPartner(p, fixtures.now(), java.time.ZoneOffset.UTC).event(Counters.SALES, 1).build()));
        }
        assertNull(stats.apply("shard-1", batch).firstFailedSequenceNumber());
        int size = batch.size();

        for (List<Projected> part : List.of(batch.subList(0, size / 2), batch.subList(size / 2, size),
                batch.subList(0, size / 4), batch.subList(size / 4, size / 2), batch.subList(size / 2, 3 * size / 4),
                batch.subList(3 * size / 4, size), batch.subList((size + 1) / 2, size))) {
            Applied again = stats.apply("shard-1", part);
            assertEquals(0, again.appliedRecords(), "counted before: " + part.getFirst().sequenceNumber());
            assertNull(again.firstFailedSequenceNumber());
        }
        rollUp.run();
        for (int i = 0; i < size; i++) {
            PartnerStats p = stats.partnerStats(partners.get(i), MAY, MAY);
            assertEquals(i % 3 == 0 ? 1L : 0L, p.allTime(Counters.CLICKS), "clicks of partner " + i);
            assertEquals(i % 3 == 0 ? 0L : 1L, p.allTime(Counters.SALES), "sales of partner " + i);
        }
    }

    @Test
    void aHalfOfABatchThatFailedMidway_countsWhatTheFirstAttemptDidNot() {
        List<Projected> batch = new ArrayList<>();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            PartnerId p = fixtures.partnerId();
            partners.add(p);
            batch.add(delta(StatsDelta.forPartner(p, fixtures.now(), java.time.ZoneOffset.UTC).event(Counters.SALES, 1).build()));
        }
        // the first attempt committed its first chunk (about 48 records), then timed out: Lambda retries each half
        LocalSdk.useSharedDynamoDbLocal();
        var diesAtTheSecondChunk = new DynamoDbStatsRepository(DynamoDbClients.create(
                List.of(FaultInjector.at(3, FaultInjector.When.BEFORE))), table.config(), fixtures.clock());
        int first = diesAtTheSecondChunk.apply("shard-1", batch).appliedRecords();
        assertTrue(first > 40 && first < 60, "the first chunk: " + first);
        assertEquals(new Applied(60 - first, 1, null), stats.apply("shard-1", batch.subList(0, 60)));
        assertEquals(new Applied(60, 0, null), stats.apply("shard-1", batch.subList(60, 120)));
        // and a retry of the whole batch from its start counts nothing more
        assertEquals(0, stats.apply("shard-1", batch).appliedRecords());

        for (PartnerId p : partners) {
            assertEquals(1L, stats.partnerStats(p, MAY, MAY).allTime(Counters.SALES));
        }
    }

    @Test
    void splitPoints_areTheStartOfTheSecondHalf_eitherRounding() {
        assertEquals(java.util.Set.of(4), DynamoDbStatsRepository.splitPoints(8));
        assertEquals(java.util.Set.of(), DynamoDbStatsRepository.splitPoints(1));
        assertEquals(java.util.Set.of(5_000, 5_001), DynamoDbStatsRepository.splitPoints(10_001));
    }

    @Test
    void aBatchTooLargeForOneTransaction_isSplitIntoChunks_eachCountedOnce() {
        List<Projected> batch = new ArrayList<>();
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // 60 partners x 2 counter items > 97 items
            PartnerId p = fixtures.partnerId();
            partners.add(p);
            batch.add(delta(StatsDelta.forPartner(p, fixtures.now(), java.time.ZoneOffset.UTC)
                    .event(Counters.SALES, 1).build()));
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
    void moreClickLinesThanOneDeltaHolds_areSplitIntoChunks_eachCountedOnce() {
        List<Projected> batch = new ArrayList<>();
        for (int i = 0; i < DynamoDbStatsRepository.MAX_DELTA_LINES + 10; i++) {
            batch.add(click(partner, "l" + i, MAY));
        }
        assertEquals(new Applied(batch.size(), 0, null), stats.apply("shard-1", batch));
        assertEquals(2, table.count("CLICK_DELTA"));
        assertEquals(new Applied(0, 2, null), stats.apply("shard-1", batch));

        rollUp.run();
        assertEquals(batch.size(), clicks(partner, MAY));
        int parts = (int) Math.ceil(batch.size() / (double) DynamoDbClickRollups.LINKS_PER_ITEM);
        assertEquals(parts, table.count("PARTNER_CLICKS"), "link counts spill into further items");
    }

    @Test
    void clicksWrittenAfterTheSeal_goToTheNextEpoch_andTheRollUpAfterThatCountsThem() {
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY)));
        rollups.seal(1); // a roll-up has begun
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY), click(partner, "ada-news", MAY)));

        assertEquals(1, rollUp.run().clicks());
        assertEquals(1, clicks(partner, MAY));
        assertEquals(new RollUpClicks.Result(2, 2, 1, 0), rollUp.run());
        assertEquals(3, clicks(partner, MAY));
        assertEquals(new ClickRollups.Epochs(2, 2), rollups.epochs());
    }

    @Test
    void aRollUpThatDiedHalfway_isFinishedByTheNext_withoutCountingAnythingTwice() {
        PartnerId other = fixtures.partnerId();
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY), click(other, "bob-blog", MAY)));
        // the first run sealed epoch 1 and added the first partner's clicks, then died
        rollups.seal(1);
        assertTrue(rollups.add(1, new ClickRollups.PartnerClicks(partner, MAY, 1, Map.of("ada-news", 1L))));

        RollUpClicks.Result result = rollUp.run();

        assertEquals(new RollUpClicks.Result(1, 2, 2, 1), result);
        assertEquals(1, clicks(partner, MAY));
        assertEquals(1, clicks(other, MAY));
        assertFalse(rollups.add(1, new ClickRollups.PartnerClicks(other, MAY, 1, Map.of("bob-blog", 1L))),
                "an epoch's clicks are added once");
    }

    @Test
    void aRollUpWithNothingToAdd_stillMovesTheEpochOn() {
        assertEquals(new RollUpClicks.Result(1, 0, 0, 0), rollUp.run());
        assertEquals(new RollUpClicks.Result(2, 0, 0, 0), rollUp.run());
        assertEquals(new ClickRollups.Epochs(2, 2), rollups.epochs());
    }

    @Test
    void chunkMarkers_expireAfterSevenDays_andDeltasAfterNinety() {
        stats.apply("shard-1", List.of(click(partner, "ada-news", MAY)));
        assertExpiresIn("COUNTED", Duration.ofDays(7));
        assertExpiresIn("CLICK_DELTA", Duration.ofDays(90));
    }

    private void assertExpiresIn(String type, Duration duration) {
        Map<String, AttributeValue> item = table.items().stream().filter(i -> type.equals(i.get("type").s()))
                .findFirst().orElseThrow();
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        long expected = fixtures.now().plus(duration).getEpochSecond();
        assertTrue(Math.abs(expected - expiresAt) < 5, type + " expires in " + duration);
    }

    @Test
    void recordsThatCountNothing_areAppliedWithoutWriting() {
        assertEquals(new Applied(1, 0, null), stats.apply("shard-1", List.of(new Projected(seq(), List.of(), null))));
        assertEquals(0, table.items().size());
        assertNull(stats.apply("shard-1", List.of()).firstFailedSequenceNumber());
    }
}

package dev.refer.dynamodb;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.StatsRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counters the stream projection keeps. A partner's counters are two items, {@code STATS#ALL} and
 * {@code STATS#{month}}; click counts are grouped in a month's click-count shards ({@link Keys#clickShard}), so a
 * stream batch of thousands of clicks over thousands of links writes each shard once. A partner's all-time clicks
 * are the sum of its months since it joined (one BatchGetItem), so no all-time click counter is written at all.
 *
 * <p>Exactly once: records are applied in chunks, each one transaction of its counter updates and a
 * {@code COUNTED#{stream}#{first sequence number}} marker that must not exist; a redelivered chunk finds its marker
 * and moves nothing. Chunks are cut the same way for the same records (at most {@value #MAX_ITEMS} items, at most
 * {@value #MAX_COUNTERS_PER_ITEM} counters an item), so a batch Lambda retries from a failed record re-forms the
 * chunks it had not written yet.
 */
public final class DynamoDbStatsRepository implements StatsRepository {

    /** Longer than any stream redelivery (records live 24 h in a stream), short enough to keep the table lean. */
    static final Duration COUNTED_MARKER_TTL = Duration.ofDays(7);
    /** A transaction holds 100 items: the marker and 99 counter items. */
    static final int MAX_ITEMS = 99;
    /** Keeps one item's update expression well inside DynamoDB's 4 KB expression limit. */
    static final int MAX_COUNTERS_PER_ITEM = 200;
    /** The click-count shards of a month, unless the environment says otherwise (template: ClickCountShards). */
    public static final int DEFAULT_CLICK_SHARDS = 32;
    private static final int MARKER = 0;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Clock clock;
    private final int clickShards;
    private final Transactions transactions;

    public DynamoDbStatsRepository(DynamoDbClient client, TableConfig table, int clickShards) {
        this(client, table, clickShards, Clock.systemUTC());
    }

    public DynamoDbStatsRepository(DynamoDbClient client, TableConfig table, int clickShards, Clock clock) {
        if (clickShards < 1 || clickShards > 1000) {
            throw new IllegalArgumentException("click shards must be between 1 and 1000");
        }
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.clickShards = clickShards;
        this.transactions = new Transactions(client);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Override
    public PartnerStats partnerStats(PartnerId partnerId, YearMonth since, YearMonth month) {
        Map<String, Map<String, AttributeValue>> stats = get(List.of(
                Keys.key(Keys.partnerPk(partnerId), Keys.STATS_ALL),
                month == null ? null : Keys.key(Keys.partnerPk(partnerId), Keys.statsMonth(month))), null);
        Map<String, Long> allTime = counters(stats.get(Keys.STATS_ALL));
        Map<String, Long> inMonth = month == null ? Map.of() : counters(stats.get(Keys.statsMonth(month)));

        // clicks: the partner's count in each month's shard, summed for all time
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth first = since == null || since.isAfter(now) ? now : since;
        YearMonth last = month != null && month.isAfter(now) ? month : now;
        String attribute = Keys.partnerClicks(partnerId);
        int shard = Keys.shard(attribute, clickShards);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            keys.add(Keys.clickShard(m, shard));
        }
        long allClicks = 0;
        Long monthClicks = null;
        for (Map<String, AttributeValue> item : get(keys, attribute).values()) {
            long clicks = Attributes.optionalNumber(item, attribute) == null ? 0 : Attributes.number(item, attribute);
            allClicks += clicks;
            if (month != null && item.get(Keys.PK).s().equals(Keys.clickShard(month, shard).get(Keys.PK).s())) {
                monthClicks = clicks;
            }
        }
        Map<String, Long> all = new LinkedHashMap<>(allTime);
        if (allClicks > 0) {
            all.put(Counters.CLICKS, allClicks);
        }
        Map<String, Long> monthly = new LinkedHashMap<>(inMonth);
        if (monthClicks != null && monthClicks > 0) {
            monthly.put(Counters.CLICKS, monthClicks);
        }
        return new PartnerStats(partnerId, all, monthly);
    }

    /** Items by sort key (stats items) or by partition key (shards), at most 100 keys a call; nulls skipped. */
    private Map<String, Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys, String attribute) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> pending = keys.stream().filter(k -> k != null).toList();
        for (int from = 0; from < pending.size(); from += 100) {
            List<Map<String, AttributeValue>> slice = pending.subList(from, Math.min(pending.size(), from + 100));
            KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(slice);
            if (attribute != null) {
                request.projectionExpression("#pk, #sk, #a")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#a", attribute));
            }
            List<Map<String, AttributeValue>> remaining = slice;
            for (int attempt = 1; !remaining.isEmpty(); attempt++) {
                KeysAndAttributes ask = request.keys(remaining).build();
                BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table.tableName(),
                        ask)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(),
                        List.of())) {
                    found.put(attribute == null ? item.get(Keys.SK).s() : item.get(Keys.PK).s(), item);
                }
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.tableName());
                remaining = unprocessed == null ? List.of() : unprocessed.keys();
                if (!remaining.isEmpty()) {
                    if (attempt == 5) {
                        throw new IllegalStateException("BatchGetItem left keys unprocessed after 5 attempts");
                    }
                    Backoff.pause(attempt);
                }
            }
        }
        return found;
    }

    /** The counters of one counter item: its number attributes (keys, type and owner are strings). */
    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (value.n() != null) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
        }
        return counters;
    }

    // ---- applying ---------------------------------------------------------------------------------------------

    @Override
    public Applied apply(String streamKey, List<Projected> records) {
        int applied = 0;
        int duplicates = 0;
        int start = 0;
        while (start < records.size()) {
            CounterUpdates chunk = new CounterUpdates(table.tableName());
            int end = start;
            while (end < records.size()) {
                CounterUpdates record = add(new CounterUpdates(table.tableName()), records.get(end));
                if (end > start && !chunk.fits(record, MAX_ITEMS, MAX_COUNTERS_PER_ITEM)) {
                    break; // (a single record always forms a chunk, whatever it holds)
                }
                chunk.absorb(record);
                end++;
            }
            String chunkKey = streamKey + "#" + records.get(start).sequenceNumber();
            try {
                if (write(chunkKey, chunk)) {
                    applied += end - start;
                } else {
                    duplicates++;
                }
            } catch (RuntimeException e) {
                return new Applied(applied, duplicates, records.get(start).sequenceNumber());
            }
            start = end;
        }
        return new Applied(applied, duplicates, null);
    }

    private CounterUpdates add(CounterUpdates updates, Projected record) {
        for (StatsDelta delta : record.deltas()) {
            updates.add(delta);
        }
        ClickCount click = record.click();
        if (click != null) {
            String partner = Keys.partnerClicks(click.partnerId());
            String link = Keys.linkClicks(click.linkCode());
            updates.clickShard(click.month(), Keys.shard(partner, clickShards), Map.of(partner, 1L));
            updates.clickShard(click.month(), Keys.shard(link, clickShards), Map.of(link, 1L));
        }
        return updates;
    }

    /** One chunk's transaction; false (and nothing applied) when its marker shows it was applied before. */
    private boolean write(String chunkKey, CounterUpdates counters) {
        List<TransactWriteItem> items = new ArrayList<>();
        long expiresAt = clock.instant().plus(COUNTED_MARKER_TTL).getEpochSecond();
        items.add(Writes.putNew(table.tableName(), ItemBuilder.item(Keys.counted(chunkKey), ItemType.COUNTED)
                .n("expiresAt", expiresAt)
                .build()));
        if (counters.isEmpty()) {
            return true; // records that count nothing (organic facts)
        }
        items.addAll(counters.toTransactItems());
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(MARKER)) {
            return false;
        }
        throw cancelled.get().unexpected();
    }
}

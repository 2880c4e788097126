package dev.refer.dynamodb;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.StatsRepository;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-partner and per-link counters. Reads are one GetItem per counter item, never a count of items. Click counts
 * arrive from the stream consumer in chunks; a chunk is applied exactly once by writing a {@code COUNTED} marker in
 * the same transaction as its increments (a redelivered chunk finds the marker and moves nothing).
 */
public final class DynamoDbStatsRepository implements StatsRepository {

    /** Longer than any stream redelivery (records live 24 h in a stream), short enough to keep the table lean. */
    static final Duration COUNTED_MARKER_TTL = Duration.ofDays(7);
    private static final int MARKER = 0;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Clock clock;
    private final Transactions transactions;

    public DynamoDbStatsRepository(DynamoDbClient client, TableConfig table) {
        this(client, table, Clock.systemUTC());
    }

    public DynamoDbStatsRepository(DynamoDbClient client, TableConfig table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.transactions = new Transactions(client);
    }

    @Override
    public PartnerStats partnerStats(PartnerId partnerId, YearMonth month) {
        Map<String, Long> allTime = counters(Keys.partnerPk(partnerId), Keys.STATS_ALL);
        Map<String, Long> inMonth = month == null ? Map.of()
                : counters(Keys.partnerPk(partnerId), Keys.statsMonth(month));
        return new PartnerStats(partnerId, allTime, inMonth);
    }

    /** The counters of one counter item: its number attributes (keys, type and owner are strings). */
    private Map<String, Long> counters(String pk, String sk) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.key(pk, sk)));
        Map<String, Long> counters = new LinkedHashMap<>();
        if (response.hasItem()) {
            response.item().forEach((name, value) -> {
                if (value.n() != null) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
        }
        return counters;
    }

    @Override
    public boolean applyClicks(String chunkKey, List<ClickIncrement> increments) {
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> clickItems(chunkKey, increments));
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(MARKER)) {
            return false; // this chunk was counted before: nothing applied now
        }
        throw cancelled.get().unexpected();
    }

    /** The marker, then each counter item once: increments of one partner or one link in one month are merged. */
    private List<TransactWriteItem> clickItems(String chunkKey, List<ClickIncrement> increments) {
        List<TransactWriteItem> items = new ArrayList<>();
        long expiresAt = clock.instant().plus(COUNTED_MARKER_TTL).getEpochSecond();
        items.add(Writes.putNew(table.tableName(), ItemBuilder.item(Keys.counted(chunkKey), ItemType.COUNTED)
                .n("expiresAt", expiresAt)
                .build()));
        CounterUpdates counters = new CounterUpdates(table.tableName());
        for (ClickIncrement increment : increments) {
            Map<String, Long> clicks = Map.of(Counters.CLICKS, increment.clicks());
            counters.partner(increment.partnerId(), null, clicks)
                    .partner(increment.partnerId(), increment.month(), clicks)
                    .link(increment.linkCode(), increment.partnerId(), null, clicks)
                    .link(increment.linkCode(), increment.partnerId(), increment.month(), clicks);
        }
        items.addAll(counters.toTransactItems());
        return items;
    }
}

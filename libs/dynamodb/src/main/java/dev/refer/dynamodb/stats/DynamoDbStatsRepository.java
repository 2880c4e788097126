package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.ClickRollups;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.StatsRepository;
import dev.refer.core.stats.StatsRepository.ClickCount;
import dev.refer.core.stats.SubIdCount;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.payout.DynamoDbPayeeIndex;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * {@code STATS#{month}}. Clicks are not counted item by item: each chunk's clicks become one compressed delta in the
 * open epoch ({@link Keys#clickDelta}), which {@link DynamoDbClickRollups} later adds to each partner's
 * {@code CLICKS#{month}} item; so a stream batch of thousands of clicks over thousands of links costs about the size
 * of its counts, once. A partner's all-time clicks are the sum of its months since it joined (one BatchGetItem).
 *
 * <p>Exactly once: records are applied in chunks, each one transaction of its counter updates, its click delta and
 * a {@code COUNTED#{stream}#{first sequence number}} marker that must not exist; a redelivered chunk finds its marker
 * and moves nothing. Chunks are cut the same way for the same records (at most {@value #MAX_ITEMS} counter items of
 * at most {@value #MAX_COUNTERS_PER_ITEM} counters, at most {@value #MAX_DELTA_LINES} click lines), so a batch Lambda
 * retries from a failed record re-forms the chunks it had not written yet. A chunk's delta goes into the epoch that is
 * open when it commits: the transaction checks the epoch is not sealed, and a chunk that raced a seal is written into
 * the next one.
 *
 * <p>A marker names the run it covers ({@code through}, the chunk's last sequence number), so a delivery that starts
 * at a counted record skips what was counted, wherever the earlier delivery cut its chunks: a longer retry counts only
 * what follows. Lambda also bisects a batch whose invocation failed (a timeout, a crash) after chunks were committed,
 * and the second half starts inside a chunk: so each chunk also marks, with the same {@code through}, the records of
 * its delivery where bisection may start a half ({@link #splitPoints}, {@code COUNTED_SPLIT}), and a delivery that
 * finds its first records counted marks its own split points before counting anything. Each delivery starts at the
 * shard's checkpoint, at a record the function reported (a chunk's first) or at such a split point, and what was
 * counted before it is a run from its start: reading the markers from the start until one is missing finds it. The
 * cost is one GetItem a delivery and one or two small items in the transaction of the chunk that holds its middle
 * (each half, when it runs, marks its own middle; a half whose invocation failed before this code ran leaves its
 * halves unmarked: {@link #SPLIT_DEPTH} marks deeper levels at about twice the items a level).
 */
public final class DynamoDbStatsRepository implements StatsRepository {

    /** Longer than any stream redelivery (records live 24 h in a stream), short enough to keep the table lean. */
    static final Duration COUNTED_MARKER_TTL = Duration.ofDays(7);
    /**
     * A transaction holds 100 items: the marker, the epoch check, the click delta and 97 counter items (payee and
     * split markers included).
     */
    static final int MAX_ITEMS = 97;
    /** Click lines (partner, month, link) in one delta: about 200 KB of text, a third of that compressed. */
    static final int MAX_DELTA_LINES = 4_000;
    /** Deltas wait for the hourly roll-up; kept long enough to survive weeks of a broken roll-up job. */
    static final Duration DELTA_TTL = Duration.ofDays(90);
    private static final int EPOCH_CHECK = 1;
    /** Keeps one item's update expression well inside DynamoDB's 4 KB expression limit. */
    static final int MAX_COUNTERS_PER_ITEM = 200;
    private static final int MARKER = 0;
    /** The attribute of a {@code COUNTED} item naming the last record of its run. */
    static final String THROUGH = "through";
    /** A marker from before markers named their last record: it covers the chunk cut from it as then. */
    private static final String LEGACY_MARKER = "";
    /**
     * Levels of Lambda's bisection whose split points a delivery marks: its halves (one marker, two for an odd
     * count; each about 2 write units in the transaction, ./bench clicks.counting.units.write.per_click).
     */
    static final int SPLIT_DEPTH = 1;

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

    // ---- reading ----------------------------------------------------------------------------------------------

    @Override
    public PartnerStats partnerStats(PartnerId partnerId, YearMonth since, YearMonth month) {
        List<Map<String, AttributeValue>> statsKeys = new ArrayList<>();
        statsKeys.add(Keys.key(Keys.partnerPk(partnerId), Keys.STATS_ALL));
        if (month != null) {
            statsKeys.add(Keys.key(Keys.partnerPk(partnerId), Keys.statsMonth(month)));
        }
        Map<String, Map<String, AttributeValue>> stats = get(statsKeys, null);
        Map<String, Long> allTime = counters(stats.get(Keys.STATS_ALL));
        Map<String, Long> inMonth = month == null ? Map.of() : counters(stats.get(Keys.statsMonth(month)));

        // clicks: the partner's rolled-up count of each month, summed for all time
        // the program's month now (its zone is unknown here) is never later than the month at UTC+14
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.ofHours(14)));
        YearMonth first = since == null || since.isAfter(now) ? now : since;
        YearMonth last = month != null && month.isAfter(now) ? month : now;
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            keys.add(Keys.partnerClicks(partnerId, m, 0));
        }
        long allClicks = 0;
        Long monthClicks = null;
        String monthKey = month == null ? null : Keys.partnerClicks(partnerId, month, 0).get(Keys.SK).s();
        for (Map<String, AttributeValue> item : get(keys, Counters.CLICKS).values()) {
            long clicks = Attributes.optionalNumber(item, Counters.CLICKS) == null ? 0
                    : Attributes.number(item, Counters.CLICKS);
            allClicks += clicks;
            if (item.get(Keys.SK).s().equals(monthKey)) {
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

    @Override
    public List<SubIdRow> subIdFunnel(PartnerId partnerId, YearMonth month) {
        record Row(String code, String parameter, String value) {
        }
        Map<Row, long[]> rows = new LinkedHashMap<>();
        String prefix = Keys.subIdStats(partnerId, month, "").get(Keys.SK).s();
        Map<String, AttributeValue> start = null;
        do {
            var response = client.query(QueryRequest.builder().tableName(table.tableName())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partnerPk(partnerId)),
                            ":sk", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
                String code = Attributes.optionalString(item, "code");
                item.forEach((name, value) -> {
                    int bar = name.indexOf('|');
                    if (code == null || bar < 0 || value.n() == null) {
                        return;
                    }
                    String counted = name.substring(bar + 1);
                    int eq = counted.indexOf('=');
                    Row row = new Row(code, eq < 0 ? counted : counted.substring(0, eq),
                            eq < 0 ? null : counted.substring(eq + 1));
                    long[] funnel = rows.computeIfAbsent(row, r -> new long[3]);
                    int metric = switch (name.substring(0, bar)) {
                        case SubIdCount.CLICKS -> 0;
                        case SubIdCount.LEADS -> 1;
                        case SubIdCount.SALES -> 2;
                        default -> -1;
                    };
                    if (metric >= 0) {
                        funnel[metric] += Long.parseLong(value.n());
                    }
                });
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        List<SubIdRow> funnel = new ArrayList<>(rows.size());
        rows.forEach((row, counts) -> funnel.add(new SubIdRow(row.code(), row.parameter(), row.value(), counts[0],
                counts[1], counts[2])));
        funnel.sort(java.util.Comparator.comparingLong(SubIdRow::clicks).reversed()
                .thenComparing(java.util.Comparator.comparingLong(SubIdRow::leads).reversed())
                .thenComparing(java.util.Comparator.comparingLong(SubIdRow::sales).reversed())
                .thenComparing(SubIdRow::code).thenComparing(SubIdRow::parameter)
                .thenComparing(SubIdRow::value, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return funnel;
    }

    @Override
    public Map<String, Long> linkClicks(PartnerId partnerId, YearMonth month) {
        Map<String, Long> perLink = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = client.query(QueryRequest.builder().tableName(table.tableName())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partnerPk(partnerId)),
                            ":sk", AttributeValue.fromS(Keys.partnerClicks(partnerId, month, 0).get(Keys.SK).s())))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
                item.forEach((name, value) -> {
                    if (name.startsWith(Keys.linkClicks("")) && value.n() != null) {
                        perLink.merge(name.substring(Keys.linkClicks("").length()), Long.parseLong(value.n()),
                                Long::sum);
                    }
                });
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return perLink;
    }

    /** Items by sort key, at most 100 keys a call, only {@code attribute} (and the keys) if given; nulls skipped. */
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
                    found.put(item.get(Keys.SK).s(), item);
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
                if (value.n() != null && !name.equals(Keys.GSI3SK)) { // the ranking's copy of the revenue
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
        long epoch = 0; // read when the first chunk with clicks needs it
        java.util.SortedSet<Integer> splits = splitPoints(records.size());
        boolean maybeCounted = true; // until the first record found uncounted: what went before was counted before
        while (start < records.size()) {
            try {
                String through = maybeCounted ? countedThrough(streamKey, records.get(start).sequenceNumber()) : null;
                if (through != null) {
                    int next = LEGACY_MARKER.equals(through)
                            ? chunk(records, start, java.util.Collections.emptySortedSet()).end // as it was cut
                            : after(records, start, through);
                    for (int split : splits.subSet(start + 1, Math.max(start + 1, next))) {
                        // a later delivery may start here: it finds the run it lies in
                        client.putItem(put -> put.tableName(table.tableName())
                                .item(marker(streamKey, records.get(split).sequenceNumber(), through,
                                        ItemType.COUNTED_SPLIT)));
                    }
                    duplicates++;
                    start = next;
                    continue;
                }
                maybeCounted = false;
            } catch (RuntimeException e) {
                return new Applied(applied, duplicates, records.get(start).sequenceNumber());
            }
            Chunk chunk = chunk(records, start, splits);
            int end = chunk.end;
            String first = records.get(start).sequenceNumber();
            String last = records.get(end - 1).sequenceNumber();
            try {
                Outcome outcome = null;
                for (int attempt = 1; outcome == null || outcome == Outcome.SEALED || outcome == Outcome.MOVED;
                     attempt++) {
                    if (chunk.hasClicks() && epoch == 0) {
                        epoch = openEpoch();
                    }
                    if (outcome != null && attempt > 3) {
                        throw new IllegalStateException(outcome == Outcome.SEALED
                                ? "the click epoch was sealed three times in a row"
                                : "a link's sub-id values moved under three writes in a row");
                    }
                    outcome = write(streamKey, first, last, chunk, epoch);
                    if (outcome == Outcome.SEALED) {
                        epoch = openEpoch(); // sealed while we wrote: the next one is open
                    }
                }
                boolean written = outcome == Outcome.WRITTEN;
                if (written) {
                    applied += end - start;
                    start = end;
                } else if (countedThrough(streamKey, first) != null) {
                    maybeCounted = true; // counted meanwhile: the marker says how far
                } else {
                    duplicates++; // refused as counted, yet no marker (SnapStart priming refuses every write)
                    start = end;
                }
            } catch (RuntimeException e) {
                return new Applied(applied, duplicates, records.get(start).sequenceNumber());
            }
        }
        return new Applied(applied, duplicates, null);
    }

    /** The chunk that starts at {@code start}: as many records as one transaction holds. */
    private Chunk chunk(List<Projected> records, int start, java.util.SortedSet<Integer> splits) {
        Chunk chunk = new Chunk(table);
        int end = start;
        while (end < records.size()) {
            Projected record = records.get(end);
            CounterUpdates counters = add(new CounterUpdates(table.tableName(), table.programId()), record);
            boolean split = end > start && splits.contains(end);
            if (end > start && !chunk.fits(counters, record.click(), record.payee(), split)) {
                break; // (a single record always forms a chunk, whatever it holds)
            }
            chunk.absorb(counters, record.click(), record.payee(), split ? record.sequenceNumber() : null);
            end++;
        }
        chunk.end = end;
        return chunk;
    }

    /**
     * Where Lambda may start a later delivery of these records inside them: when the function fails (a timeout, a
     * crash) Lambda bisects the batch and retries its halves, then the halves of a half that fails; the starts of
     * the halves down to {@value #SPLIT_DEPTH} levels, with either rounding of an odd count.
     */
    static java.util.SortedSet<Integer> splitPoints(int size) {
        java.util.SortedSet<Integer> points = new java.util.TreeSet<>();
        addSplits(points, 0, size, SPLIT_DEPTH);
        return points;
    }

    private static void addSplits(java.util.Set<Integer> points, int from, int size, int depth) {
        if (depth == 0 || size < 2) {
            return;
        }
        for (int half : new int[] {size / 2, (size + 1) / 2}) {
            points.add(from + half);
            addSplits(points, from, half, depth - 1);
            addSplits(points, from + half, size - half, depth - 1);
        }
    }

    /** The last record counted in the run that the record {@code sequenceNumber} starts or lies in, or null. */
    private String countedThrough(String streamKey, String sequenceNumber) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table.tableName())
                .key(Keys.counted(streamKey + "#" + sequenceNumber)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        AttributeValue through = item.get(THROUGH);
        return through == null ? LEGACY_MARKER : through.s();
    }

    /** The index of the first record after {@code through} (counted before), from {@code start} on. */
    private static int after(List<Projected> records, int start, String through) {
        int next = start + 1;
        while (next < records.size() && compareSequenceNumbers(records.get(next).sequenceNumber(), through) <= 0) {
            next++;
        }
        return next;
    }

    /** Stream sequence numbers are decimal numbers of varying length. */
    static int compareSequenceNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private Map<String, AttributeValue> marker(String streamKey, String first, String through, ItemType type) {
        return ItemBuilder.item(Keys.counted(streamKey + "#" + first), type)
                .s(THROUGH, through)
                .n("expiresAt", clock.instant().plus(COUNTED_MARKER_TTL).getEpochSecond())
                .build();
    }

    private static CounterUpdates add(CounterUpdates updates, Projected record) {
        for (StatsDelta delta : record.deltas()) {
            updates.add(delta);
        }
        for (SubIdCount count : record.subIds()) {
            updates.subId(count);
        }
        return updates;
    }

    /** How one chunk's write went; {@code SEALED} and {@code MOVED} wrote nothing and are tried again. */
    private enum Outcome {
        /** Written now. */
        WRITTEN,
        /** Its marker shows it was applied before: nothing written. */
        COUNTED,
        /** The click epoch was sealed in the meantime. */
        SEALED,
        /** Another chunk admitted sub-id values to one of its links' items since they were read. */
        MOVED
    }

    /** The values each sub-id item counts one by one (strongly consistent); an item not stored yet is absent. */
    private Map<CounterUpdates.ItemKey, java.util.Set<String>> admittedSubIdValues(CounterUpdates counters) {
        List<CounterUpdates.ItemKey> keys = counters.subIdItems();
        Map<CounterUpdates.ItemKey, java.util.Set<String>> admitted = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> remaining = keys.subList(from, Math.min(keys.size(), from + 100))
                    .stream().map(k -> Keys.key(k.pk(), k.sk())).toList();
            for (int attempt = 1; !remaining.isEmpty(); attempt++) {
                KeysAndAttributes ask = KeysAndAttributes.builder().keys(remaining).consistentRead(true)
                        .projectionExpression("#pk, #sk, #v")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK,
                                "#v", CounterUpdates.SUBID_VALUES)).build();
                BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table.tableName(),
                        ask)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(),
                        List.of())) {
                    AttributeValue set = item.get(CounterUpdates.SUBID_VALUES);
                    admitted.put(new CounterUpdates.ItemKey(item.get(Keys.PK).s(), item.get(Keys.SK).s()),
                            set == null || !set.hasSs() ? java.util.Set.of() : java.util.Set.copyOf(set.ss()));
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
        return admitted;
    }

    /** The epoch deltas go to now: the one after the last sealed. */
    private long openEpoch() {
        return DynamoDbClickRollups.readEpochs(client, table).sealed() + 1;
    }

    /** One chunk's transaction ({@link Outcome}). A chunk with sub-id counts first reads its links' admitted values. */
    private Outcome write(String streamKey, String first, String last, Chunk chunk, long epoch) {
        if (!chunk.hasClicks() && chunk.payees.isEmpty() && chunk.counters.toTransactItems().isEmpty()
                && chunk.splits.isEmpty()) {
            return Outcome.WRITTEN; // records that count nothing (organic facts)
        }
        String chunkKey = streamKey + "#" + first;
        List<TransactWriteItem> items = new ArrayList<>();
        Instant now = clock.instant();
        items.add(Writes.putNew(table.tableName(), marker(streamKey, first, last, ItemType.COUNTED)));
        if (chunk.hasClicks()) {
            items.add(TransactWriteItem.builder().conditionCheck(check -> check.tableName(table.tableName())
                    .key(Keys.clickRollupState())
                    .conditionExpression("attribute_not_exists(#sealed) OR #sealed < :epoch")
                    .expressionAttributeNames(Map.of("#sealed", DynamoDbClickRollups.SEALED))
                    .expressionAttributeValues(Map.of(":epoch", AttributeValue.fromN(Long.toString(epoch)))))
                    .build());
            List<ClickRollups.DeltaLine> lines = chunk.lines();
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table.tableName())
                    .item(ItemBuilder.item(Keys.clickDelta(epoch, chunkKey), ItemType.CLICK_DELTA)
                            .n("epoch", epoch)
                            .n(Counters.CLICKS, lines.stream().mapToLong(ClickRollups.DeltaLine::clicks).sum())
                            .n("lines", lines.size())
                            .b("counts", ClickDeltaCodec.encode(lines))
                            .n("expiresAt", now.plus(DELTA_TTL).getEpochSecond())
                            .build()))
                    .build());
        }
        List<Integer> guarded = new ArrayList<>();
        int countersAt = items.size();
        List<CounterUpdates.ItemKey> subIdItems = chunk.counters.subIdItems();
        items.addAll(chunk.counters.toTransactItems(subIdItems.isEmpty() ? Map.of()
                : admittedSubIdValues(chunk.counters), guarded));
        for (String split : chunk.splits) {
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table.tableName())
                    .item(marker(streamKey, split, last, ItemType.COUNTED_SPLIT))).build());
        }
        for (PartnerId payee : chunk.payees) {
            // an idempotent put: the partner has an unpaid entry (the payout run pages through these)
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table.tableName())
                    .item(DynamoDbPayeeIndex.marker(table, payee, now))).build());
        }
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return Outcome.WRITTEN;
        }
        if (cancelled.get().conditionFailed(MARKER)) {
            return Outcome.COUNTED;
        }
        if (chunk.hasClicks() && cancelled.get().conditionFailed(EPOCH_CHECK)) {
            return Outcome.SEALED;
        }
        for (int index : guarded) {
            if (cancelled.get().conditionFailed(countersAt + index)) {
                return Outcome.MOVED;
            }
        }
        throw cancelled.get().unexpected();
    }

    /** What one chunk writes: its counter updates and its clicks per partner, month and link. */
    private static final class Chunk {
        private record Line(String partnerId, YearMonth month, String code) {
        }

        final CounterUpdates counters;
        private final Map<Line, Long> clicks = new LinkedHashMap<>();
        final java.util.Set<PartnerId> payees = new java.util.LinkedHashSet<>();
        /** The index after the chunk's last record. */
        int end;
        /** Records inside the chunk where a later delivery may start ({@link #splitPoints}). */
        final List<String> splits = new ArrayList<>();

        Chunk(TableConfig table) {
            this.counters = new CounterUpdates(table.tableName(), table.programId());
        }

        boolean fits(CounterUpdates more, ClickCount click, PartnerId payee, boolean split) {
            int payeeItems = payees.size() + (payee != null && !payees.contains(payee) ? 1 : 0);
            int splitItems = splits.size() + (split ? 1 : 0);
            return counters.fits(more, MAX_ITEMS - payeeItems - splitItems, MAX_COUNTERS_PER_ITEM)
                    && (click == null || clicks.size() < MAX_DELTA_LINES || clicks.containsKey(line(click)));
        }

        void absorb(CounterUpdates more, ClickCount click, PartnerId payee, String split) {
            counters.absorb(more);
            if (split != null) {
                splits.add(split);
            }
            if (payee != null) {
                payees.add(payee);
            }
            if (click != null) {
                clicks.merge(line(click), 1L, Long::sum);
            }
        }

        boolean hasClicks() {
            return !clicks.isEmpty();
        }

        List<ClickRollups.DeltaLine> lines() {
            List<ClickRollups.DeltaLine> lines = new ArrayList<>(clicks.size());
            clicks.forEach((line, count) -> lines.add(new ClickRollups.DeltaLine(new PartnerId(line.partnerId()),
                    line.month(), line.code(), count)));
            return lines;
        }

        private static Line line(ClickCount click) {
            return new Line(click.partnerId().value(), click.month(), click.linkCode());
        }
    }
}

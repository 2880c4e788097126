package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.StatsRepository;
import dev.refer.core.ports.StatsRepository.ClickIncrement;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the click stream into per-partner and per-link monthly counters, off the redirect's path. Records are
 * folded into chunks small enough for one atomic write each; a chunk is keyed by its first sequence number, so a
 * redelivered chunk is recognised and skipped: no click is counted twice, whatever the retries.
 */
public final class CountClicks {

    /** Distinct (partner, link, month) counters per chunk: each touches four counter items, plus one marker. */
    static final int MAX_COUNTERS_PER_CHUNK = 24;

    public record ClickRecord(String sequenceNumber, PartnerId partnerId, String linkCode, Instant at) {
    }

    /**
     * @param firstFailedSequenceNumber where the stream must resume (Lambda's batch item failure), or null
     */
    public record Outcome(int countedClicks, int duplicateChunks, String firstFailedSequenceNumber) {
    }

    private final StatsRepository stats;

    public CountClicks(StatsRepository stats) {
        this.stats = stats;
    }

    public Outcome count(String streamKey, List<ClickRecord> records) {
        int counted = 0;
        int duplicates = 0;
        int start = 0;
        while (start < records.size()) {
            Map<String, ClickIncrement> chunk = new LinkedHashMap<>();
            int end = start;
            while (end < records.size()) {
                ClickRecord record = records.get(end);
                YearMonth month = YearMonth.from(record.at().atZone(ZoneOffset.UTC));
                String key = record.partnerId().value() + "|" + record.linkCode() + "|" + month;
                if (!chunk.containsKey(key) && chunk.size() == MAX_COUNTERS_PER_CHUNK) {
                    break;
                }
                chunk.merge(key, new ClickIncrement(record.partnerId(), record.linkCode(), month, 1),
                        (a, b) -> new ClickIncrement(a.partnerId(), a.linkCode(), a.month(), a.clicks() + 1));
                end++;
            }
            String chunkKey = streamKey + "#" + records.get(start).sequenceNumber();
            try {
                if (stats.applyClicks(chunkKey, new ArrayList<>(chunk.values()))) {
                    counted += end - start;
                } else {
                    duplicates++;
                }
            } catch (RuntimeException e) {
                return new Outcome(counted, duplicates, records.get(start).sequenceNumber());
            }
            start = end;
        }
        return new Outcome(counted, duplicates, null);
    }
}

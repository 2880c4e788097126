package dev.refer.core.ports;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.PartnerStats;

import java.time.YearMonth;
import java.util.List;

/** Per-partner and per-link counters, kept up to date by the writes that cause them and by the click stream. */
public interface StatsRepository {

    /** A partner's all-time counters and, when {@code month} is given, that month's. */
    PartnerStats partnerStats(PartnerId partnerId, YearMonth month);

    /** Click counts for one link and one partner in one month, from a batch of stream records. */
    record ClickIncrement(PartnerId partnerId, String linkCode, YearMonth month, long clicks) {
    }

    /**
     * Applies a chunk of increments exactly once: the chunk is identified by {@code chunkKey} (stream shard and
     * first sequence number); false and nothing applied when that chunk was applied before.
     */
    boolean applyClicks(String chunkKey, List<ClickIncrement> increments);
}

package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Per-partner counters (and click counts per partner and link, by month), kept by the stream projection
 * ({@link ProjectCounters}) and read with a bounded number of key lookups, never by counting items.
 */
public interface StatsRepository {

    /**
     * A partner's all-time counters (clicks summed over the months since {@code since}) and, when {@code month} is
     * given, that month's.
     */
    PartnerStats partnerStats(PartnerId partnerId, YearMonth since, YearMonth month);

    /**
     * A partner's funnel per sub-id value in a month: one row per link, parameter and value (the values past a link's
     * bound in that month share one row with a null value), most clicks first.
     */
    default List<SubIdRow> subIdFunnel(PartnerId partnerId, YearMonth month) {
        return List.of();
    }

    /** One line of the per-sub-id funnel; {@code value} null: the values past the bound, together. */
    record SubIdRow(String code, String parameter, String value, long clicks, long leads, long sales) {
    }

    /** A partner's clicks in a month per link code (rolled up: as fresh as the last click roll-up). */
    java.util.Map<String, Long> linkClicks(PartnerId partnerId, YearMonth month);

    /** One click to count: for its partner and its link, in its month. */
    record ClickCount(PartnerId partnerId, String linkCode, YearMonth month) {
    }

    /**
     * What one stream record changes: partner counters, or one click; and, when it holds an unpaid ledger entry that
     * was not unpaid before, the partner to list among the payees (the payout run's index).
     */
    record Projected(String sequenceNumber, List<StatsDelta> deltas, ClickCount click, PartnerId payee,
                     List<SubIdCount> subIds) {
        public Projected {
            Objects.requireNonNull(sequenceNumber, "sequenceNumber");
            deltas = List.copyOf(deltas);
            subIds = subIds == null ? List.of() : List.copyOf(subIds);
        }

        public Projected(String sequenceNumber, List<StatsDelta> deltas, ClickCount click, PartnerId payee) {
            this(sequenceNumber, deltas, click, payee, List.of());
        }

        public Projected(String sequenceNumber, List<StatsDelta> deltas, ClickCount click) {
            this(sequenceNumber, deltas, click, null);
        }
    }

    /**
     * @param firstFailedSequenceNumber where the stream must resume (Lambda's batch item failure), or null when every
     *                                  record was applied (now, or before: a redelivery)
     */
    record Applied(int appliedRecords, int duplicateChunks, String firstFailedSequenceNumber) {
    }

    /**
     * Applies one shard's records in order, each exactly once: records are grouped into chunks that are written
     * atomically together with a marker of the chunk, so a redelivered chunk finds its marker and moves nothing. Stops
     * at the first chunk that cannot be written and says where.
     */
    Applied apply(String streamKey, List<Projected> records);
}

package dev.refer.core.stats;

import dev.refer.core.conversion.Order;
import dev.refer.core.lead.Lead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the counters from the table's stream, off every request path: clicks (the redirect's one write is the click
 * item) and everything {@link StatsProjection} derives from leads, orders and ledger entries; and the funnel per
 * sub-id value ({@link SubIdProjection}) from clicks, leads and conversions. Each stream record is
 * applied exactly once, whatever Lambda redelivers ({@link StatsRepository#apply}). Months are the program's
 * (PayoutTimeZone), the calendar check-ins, reports and statements use: never UTC's, unless the program's is UTC.
 */
public final class ProjectCounters {

    /** One stream record, as the domain sees it. */
    public sealed interface Change {
        String sequenceNumber();
    }

    /** An inserted click, with the sub-id values it recorded. */
    public record ClickAdded(String sequenceNumber, PartnerId partnerId, String linkCode, Instant at,
                             java.util.Map<String, String> subIds) implements Change {
        public ClickAdded {
            subIds = subIds == null ? java.util.Map.of() : subIds;
        }

        public ClickAdded(String sequenceNumber, PartnerId partnerId, String linkCode, Instant at) {
            this(sequenceNumber, partnerId, linkCode, at, java.util.Map.of());
        }
    }

    /** A stored conversion: only the per-sub-id funnel counts it (sales are counted from their order). */
    public record ConversionAdded(String sequenceNumber, dev.refer.core.conversion.Conversion conversion)
            implements Change {
    }

    /** A lead stored ({@code before} null) or changed. */
    public record LeadChanged(String sequenceNumber, Lead before, Lead after) implements Change {
    }

    public record OrderChanged(String sequenceNumber, Order before, Order after) implements Change {
    }

    public record CommissionChanged(String sequenceNumber, Commission before, Commission after) implements Change {
    }

    /**
     * A record that counts nothing (another kind of item), kept in its place: Lambda splits a failed batch by
     * position, and where it may split is marked by position ({@link StatsRepository#apply}).
     */
    public record Unchanged(String sequenceNumber) implements Change {
    }

    /**
     * What a batch brought, for the operations dashboard: clicks, leads stored, sales recorded (an order sold for the
     * first time), ledger entries written. A redelivered batch brings them again (the counters themselves never
     * count twice).
     */
    public record Flows(long clicks, long leads, long sales, long commissions) {

        public static Flows of(List<Change> changes) {
            long clicks = 0;
            long leads = 0;
            long sales = 0;
            long commissions = 0;
            for (Change change : changes) {
                switch (change) {
                    case ClickAdded c -> clicks++;
                    case LeadChanged l -> leads += l.before() == null ? 1 : 0;
                    case OrderChanged o -> sales += o.after() != null && o.after().sold()
                            && (o.before() == null || !o.before().sold()) ? 1 : 0;
                    case CommissionChanged c -> commissions += c.before() == null ? 1 : 0;
                    case ConversionAdded c -> {
                    }
                    case Unchanged u -> {
                    }
                }
            }
            return new Flows(clicks, leads, sales, commissions);
        }
    }

    private final StatsRepository stats;
    private final ZoneId zone;

    /** @param zone the program's time zone (PAYOUT_TIME_ZONE): which month a fact counts in */
    public ProjectCounters(StatsRepository stats, ZoneId zone) {
        this.stats = stats;
        this.zone = zone;
    }

    /** Applies a batch of one stream shard, in order; where it stopped is in the outcome. */
    public StatsRepository.Applied count(String streamKey, List<Change> changes) {
        List<StatsRepository.Projected> projected = new ArrayList<>(changes.size());
        for (Change change : changes) {
            projected.add(switch (change) {
                case ClickAdded click -> new StatsRepository.Projected(click.sequenceNumber(), List.of(),
                        new StatsRepository.ClickCount(click.partnerId(), click.linkCode(),
                                YearMonth.from(click.at().atZone(zone))), null,
                        SubIdProjection.click(click.partnerId(), click.linkCode(), click.at(), click.subIds(), zone));
                case LeadChanged lead -> new StatsRepository.Projected(lead.sequenceNumber(),
                        StatsProjection.lead(lead.before(), lead.after(), zone), null, null,
                        SubIdProjection.lead(lead.before(), lead.after(), zone));
                case ConversionAdded added -> new StatsRepository.Projected(added.sequenceNumber(), List.of(), null,
                        null, SubIdProjection.conversion(added.conversion(), zone));
                case OrderChanged order -> new StatsRepository.Projected(order.sequenceNumber(),
                        StatsProjection.order(order.before(), order.after(), zone), null);
                case Unchanged unchanged -> new StatsRepository.Projected(unchanged.sequenceNumber(), List.of(),
                        null);
                case CommissionChanged entry -> new StatsRepository.Projected(entry.sequenceNumber(),
                        StatsProjection.commission(entry.before(), entry.after(), zone), null,
                        !entry.after().paid() && (entry.before() == null || entry.before().paid())
                                ? entry.after().partnerId() : null);
            });
        }
        return stats.apply(streamKey, projected);
    }
}

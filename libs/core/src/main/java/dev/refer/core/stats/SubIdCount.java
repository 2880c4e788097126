package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One change of the per-sub-id funnel: {@code delta} of {@code metric} for a value of a sub-id parameter on one of the
 * partner's links, in a month of the program's calendar. Kept by the counters function from the stream, like every
 * other counter ({@link SubIdProjection}).
 *
 * @param metric {@link #CLICKS}, {@link #LEADS} or {@link #SALES}
 */
public record SubIdCount(PartnerId partnerId, YearMonth month, String code, String parameter, String value,
                         String metric, long delta) {

    public static final String CLICKS = "clicks";
    public static final String LEADS = "leads";
    public static final String SALES = "sales";

    public SubIdCount {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(metric, "metric");
    }
}

package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counter changes that travel in the same write as the business change they count, so a counter moves exactly when
 * its event is stored (a retried write that is refused moves nothing).
 *
 * @param events   counts and sums of things that happened; added to the partner's all-time and monthly counters
 * @param statuses the distribution of current states (leads by status, commission by status); all-time only
 */
public record StatsDelta(PartnerId partnerId, YearMonth month, Map<String, Long> events,
                         Map<String, Long> statuses) {

    public StatsDelta {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(month, "month");
        events = Map.copyOf(events);
        statuses = Map.copyOf(statuses);
    }

    /** @param zone the program's calendar (PayoutTimeZone): the month is the one {@code at} falls in there */
    public static Builder forPartner(PartnerId partnerId, Instant at, ZoneId zone) {
        return new Builder(partnerId, YearMonth.from(at.atZone(zone)));
    }

    public static final class Builder {
        private final PartnerId partnerId;
        private final YearMonth month;
        private final Map<String, Long> events = new LinkedHashMap<>();
        private final Map<String, Long> statuses = new LinkedHashMap<>();

        private Builder(PartnerId partnerId, YearMonth month) {
            this.partnerId = partnerId;
            this.month = month;
        }

        public Builder event(String counter, long delta) {
            events.merge(counter, delta, Long::sum);
            return this;
        }

        public Builder status(String counter, long delta) {
            statuses.merge(counter, delta, Long::sum);
            return this;
        }

        public StatsDelta build() {
            return new StatsDelta(partnerId, month, events, statuses);
        }
    }
}

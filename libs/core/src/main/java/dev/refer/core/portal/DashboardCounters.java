package dev.refer.core.portal;

import dev.refer.core.partner.PartnerId;

import java.time.YearMonth;
import java.util.Map;

/**
 * The counter items a partner's dashboard is drawn from, read with a fixed number of requests whatever the partner's
 * history: the all-time and the month's counters (the stream projection keeps them) and the rolled-up clicks of every
 * month, per link. A partner with a million clicks and ten thousand leads reads the same few items as a new one.
 */
public interface DashboardCounters {

    /**
     * @param allTime         all-time counters, {@code clicks} included (summed over the rolled-up months)
     * @param month           {@code month}'s counters, {@code clicks} included
     * @param linkClicks      clicks per link code, all time
     * @param linkClicksMonth clicks per link code in {@code month}
     */
    record Snapshot(Map<String, Long> allTime, Map<String, Long> month, Map<String, Long> linkClicks,
                    Map<String, Long> linkClicksMonth) {

        public Snapshot {
            allTime = Map.copyOf(allTime);
            month = Map.copyOf(month);
            linkClicks = Map.copyOf(linkClicks);
            linkClicksMonth = Map.copyOf(linkClicksMonth);
        }

        public static Snapshot empty() {
            return new Snapshot(Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    Snapshot read(PartnerId partnerId, YearMonth month);
}

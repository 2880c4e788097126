package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;

import java.util.Map;

/**
 * A partner's numbers as stored: all-time counters (events and current status distribution) and, when asked, one
 * month's event counters. Read with one GetItem each, never by counting items.
 */
public record PartnerStats(PartnerId partnerId, Map<String, Long> allTime, Map<String, Long> month) {

    public PartnerStats {
        allTime = Map.copyOf(allTime);
        month = Map.copyOf(month);
    }

    public long allTime(String counter) {
        return allTime.getOrDefault(counter, 0L);
    }
}

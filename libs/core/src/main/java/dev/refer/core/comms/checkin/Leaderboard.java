package dev.refer.core.comms.checkin;

import dev.refer.core.partner.PartnerId;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Partners by the revenue they brought in a month (net of refunds, the program's currency), from a sparse index the
 * counters keep: only partners with revenue that month are in it.
 */
public interface Leaderboard {

    record Entry(PartnerId partnerId, long revenueMinor) {
    }

    /** A partner's place: competition ranking (1, 2, 2, 4), {@code tied} when another partner has the same revenue. */
    record Ranked(int rank, boolean tied, PartnerId partnerId, long revenueMinor) {
    }

    record Totals(long partners, long revenueMinor) {
    }

    /** The first {@code limit} entries, highest revenue first. */
    List<Entry> highest(YearMonth month, int limit);

    /** Every partner with revenue in the month, summed (pages through the index). */
    Totals totals(YearMonth month);

    /**
     * The top {@code n} places: every partner with positive revenue whose rank is at most {@code n}, so partners tied
     * at the last place are all in (never padded with anyone below it, or without revenue).
     */
    default List<Ranked> top(YearMonth month, int n) {
        if (n <= 0) {
            return List.of();
        }
        // enough entries to see past the n-th place's ties: more when the last one read still ties with it
        int limit = n + 10;
        List<Entry> entries = highest(month, limit);
        while (entries.size() == limit && entries.size() >= n
                && entries.get(entries.size() - 1).revenueMinor() == entries.get(n - 1).revenueMinor()
                && entries.get(n - 1).revenueMinor() > 0) {
            limit *= 2;
            entries = highest(month, limit);
        }
        List<Ranked> ranked = new ArrayList<>();
        int position = 0;
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (Entry entry : entries) {
            position++;
            if (entry.revenueMinor() <= 0) {
                break;
            }
            if (entry.revenueMinor() != previous) {
                rank = position;
                previous = entry.revenueMinor();
            }
            if (rank > n) {
                break;
            }
            ranked.add(new Ranked(rank, false, entry.partnerId(), entry.revenueMinor()));
        }
        List<Ranked> withTies = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            boolean tied = ranked.stream().filter(o -> o.rank() == r.rank()).count() > 1;
            withTies.add(new Ranked(r.rank(), tied, r.partnerId(), r.revenueMinor()));
        }
        return withTies;
    }
}

package dev.refer.core.comms.checkin;

import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The month's top places: competition ranking, ties stated and all in, never padded. */
class LeaderboardTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    /** A leaderboard over fixed revenues (highest first), partner i named P{i}. */
    private static Leaderboard of(long... revenues) {
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (int i = 0; i < revenues.length; i++) {
            entries.add(new Leaderboard.Entry(new PartnerId(String.format("P%025d", i)), revenues[i]));
        }
        return new Leaderboard() {
            @Override
            public List<Entry> highest(YearMonth month, int limit) {
                return entries.subList(0, Math.min(limit, entries.size()));
            }

            @Override
            public Totals totals(YearMonth month) {
                return new Totals(entries.size(), entries.stream().mapToLong(Entry::revenueMinor).sum());
            }
        };
    }

    private static List<String> places(List<Leaderboard.Ranked> ranked) {
        return ranked.stream().map(r -> r.rank() + (r.tied() ? "=" : "") + ":" + r.revenueMinor()).toList();
    }

    @Test
    void partnersTiedAtAPlace_shareIt_andTheTieIsStated() {
        assertEquals(List.of("1:500", "2=:400", "2=:400"), places(of(500, 400, 400, 300, 100).top(MONTH, 3)));
    }

    @Test
    void partnersTiedAtTheLastPlace_areAllIn() {
        assertEquals(List.of("1:500", "2:400", "3=:300", "3=:300", "3=:300"),
                places(of(500, 400, 300, 300, 300, 200).top(MONTH, 3)));
    }

    @Test
    void theListIsNeverPadded_withAnyoneWithoutRevenue() {
        assertEquals(List.of("1:500"), places(of(500, 0, -300).top(MONTH, 3)));
        assertEquals(List.of(), places(of().top(MONTH, 3)));
        assertEquals(List.of(), places(of(500).top(MONTH, 0)));
    }

    @Test
    void aTieWiderThanOneRead_isReadToItsEnd() {
        long[] revenues = new long[40];
        java.util.Arrays.fill(revenues, 100);
        List<Leaderboard.Ranked> top = of(revenues).top(MONTH, 3);

        assertEquals(40, top.size());
        assertTrue(top.stream().allMatch(r -> r.rank() == 1 && r.tied()));
    }
}

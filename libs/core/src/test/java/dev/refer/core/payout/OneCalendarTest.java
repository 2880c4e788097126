package dev.refer.core.payout;

import dev.refer.core.Flow;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.mail.StatementLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One calendar: a program in UTC+10 (Australia/Brisbane, no daylight saving). A partner active late on the last day
 * of a month there and early on the first of the next (still the last day in UTC) counts each fact in the program's
 * month, and its statement dates each line on the program's day.
 */
class OneCalendarTest {

    private static final ZoneId BRISBANE = ZoneId.of("Australia/Brisbane");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private final Flow flow = new Flow();
    private final Payouts payouts = new Payouts(flow, BRISBANE);
    private final Partner anna = flow.partner("anna@partner.example");

    private void at(String instant) {
        flow.clock.advance(Duration.between(flow.clock.instant(), Instant.parse(instant)));
    }

    @Test
    void countsCheckInMonthsAndStatementDates_areTheProgramsNotUtcs() {
        flow.store.zone = BRISBANE;
        flow.link(anna, "anna-news");
        at("2026-11-30T13:30:00Z"); // 30 November, 23:30 in Brisbane: November there and in UTC
        flow.click("anna-news");
        at("2026-11-30T22:30:00Z"); // 1 December, 08:30 in Brisbane; still 30 November in UTC
        String rid = flow.click("anna-news").value();
        flow.lead("ada@client.example", rid, null);
        flow.event("s1", ConversionKind.SALE, "order-1", 50_000, null, "cus-1", rid, null, flow.clock.instant());
        flow.store.projectStream();

        PartnerStats november = flow.store.partnerStats(anna.id(), null, NOVEMBER);
        PartnerStats december = flow.store.partnerStats(anna.id(), null, DECEMBER);
        assertEquals(Map.of(Counters.CLICKS, 1L), november.month(), "the click late on 30 November");
        assertEquals(1, december.month().get(Counters.CLICKS));
        assertEquals(1, december.month().get(Counters.LEADS));
        assertEquals(1, december.month().get(Counters.SALES));
        assertEquals(2, flow.store.counters.get("LINK#anna-news#2026-11").get(Counters.CLICKS)
                + flow.store.counters.get("LINK#anna-news#2026-12").get(Counters.CLICKS));
        assertNull(flow.store.counters.get(anna.id() + "#2026-11").get(Counters.SALES));

        // payable after 30 days (31 December there): paid by December's run, on 1 January at 06:00 in Brisbane
        at("2026-12-31T20:00:00Z");
        payouts.run(DECEMBER);
        List<StatementLetter> statements = payouts.fakes.sent.stream().filter(StatementLetter.class::isInstance)
                .map(StatementLetter.class::cast).toList();
        assertEquals(1, statements.size());
        assertEquals(DECEMBER, statements.getFirst().period());
        assertEquals(LocalDate.of(2026, 12, 1), statements.getFirst().lines().getFirst().date(),
                "the sale's day in the program's calendar");
    }
}

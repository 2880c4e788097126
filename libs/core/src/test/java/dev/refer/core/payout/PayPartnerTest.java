package dev.refer.core.payout;

import dev.refer.core.Flow;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.review.ReviewCommission;
import dev.refer.core.mail.MailLog;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.mail.StatementLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayPartnerTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    /** Fixtures.NOW is 2026-11-23: sales now are payable after 30 days, on 2026-12-23. */
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final YearMonth JANUARY = YearMonth.of(2027, 1);

    private final Flow flow = new Flow();
    private final Payouts payouts = new Payouts(flow);
    private final Partner anna = flow.partner("anna@partner.example");

    private void minimum(long minor) {
        Program p = flow.store.find(Fixtures.PROGRAM).orElseThrow();
        flow.store.save(new Program(p.id(), p.currency(), p.attributionWindowDays(), p.holdingPeriodDays(),
                p.defaultPlan(), p.allowedDestinationHosts(), p.allowedFormOrigins(), p.maxEventAgeDays(),
                new PayoutSettings(Map.of(EUR, minor), Locale.GERMANY, "Bank transfer within 10 days.",
                        new EmailAddress("manager@program.example"))));
    }

    /** A sale of {@code minor} brought by Anna's click: 20 % commission. */
    private void sale(String id, long minor) {
        flow.link(anna, "anna-" + id);
        flow.sale(id, "order-" + id, minor, null, "cus-" + id);
        // (a bare sale with the link's click as evidence)
    }

    private void annaSale(String id, long minor) {
        if (flow.store.links.keySet().stream().noneMatch(code -> code.value().equals("anna-news"))) {
            flow.link(anna, "anna-news");
        }
        String rid = flow.click("anna-news").value();
        flow.event(id, dev.refer.core.conversion.ConversionKind.SALE, "order-" + id, minor, null, "cus-" + id, rid,
                null, flow.clock.instant());
    }

    private void refund(String id, long minor) {
        flow.event("refund-" + id + "-" + minor, dev.refer.core.conversion.ConversionKind.REFUND, "order-" + id, minor,
                null, "cus-" + id, null, null, flow.clock.instant());
    }

    private void to(YearMonth month) {
        Instant target = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(6));
        flow.clock.advance(Duration.between(flow.clock.instant(), target));
    }

    private List<StatementLetter> statements() {
        return payouts.fakes.sent.stream().filter(StatementLetter.class::isInstance)
                .map(StatementLetter.class::cast).toList();
    }

    @Test
    void entriesPastTheirHoldingPeriod_arePaidOnce_withOneStatement() {
        minimum(5_000);
        annaSale("s1", 50_000); // 10,000 commission, payable 2026-12-23
        to(YearMonth.of(2026, 12));
        payouts.run(YearMonth.of(2026, 11));
        assertTrue(payouts.fakes.payouts.isEmpty(), "nothing was due by the end of November");

        to(JANUARY);
        payouts.run(DECEMBER);

        Payout payout = payouts.fakes.payouts.get(PayoutId.of(DECEMBER, EUR, anna.id()));
        assertEquals(10_000, payout.amount().minor());
        assertEquals(PayoutStatus.READY, payout.status());
        assertEquals(1, payout.entryCount());
        assertEquals(1, statements().size());
        StatementLetter statement = statements().getFirst();
        assertEquals(Money.of(10_000, "EUR"), statement.total());
        assertEquals(Locale.GERMANY, statement.locale());
        assertEquals("Bank transfer within 10 days.", statement.terms());
        assertTrue(flow.store.commissions.stream().allMatch(Commission::paid));

        // a rerun of the period, and a redelivered message: nothing more
        payouts.run(DECEMBER);
        payouts.payPartner.run(new PayPartner.Command(DECEMBER, PayoutCalendar.periodStart(DECEMBER, ZoneOffset.UTC),
                PayoutCalendar.cutoff(DECEMBER, ZoneOffset.UTC), anna.id()));
        assertEquals(1, payouts.fakes.payouts.size());
        assertEquals(1, statements().size());
        assertEquals(1, payouts.fakes.payouts.values().iterator().next().entryCount());
    }

    @Test
    void aBalanceBelowTheMinimum_carriesOver_andIsPaidWithTheNextMonth() {
        minimum(15_000);
        annaSale("s1", 50_000); // 10,000
        to(JANUARY);
        payouts.run(DECEMBER);
        assertTrue(payouts.fakes.payouts.isEmpty(), "10,000 < 15,000 carries over");
        assertTrue(flow.store.commissions.stream().allMatch(c -> c.status() == CommissionStatus.APPROVED),
                "past its holding period: approved, unpaid");

        annaSale("s2", 40_000); // 8,000, earned on 1 January, payable on 31 January
        to(YearMonth.of(2027, 2));
        payouts.run(JANUARY);

        Payout payout = payouts.fakes.payouts.get(PayoutId.of(JANUARY, EUR, anna.id()));
        assertEquals(18_000, payout.amount().minor());
        StatementLetter statement = statements().getFirst();
        assertEquals(1, statement.carried().size(), "the December entry is carried over");
        assertEquals(1, statement.current().size());
    }

    @Test
    void aRefundAfterThePayout_isAClawback_nettedAgainstTheNextPayout() {
        minimum(1);
        annaSale("s1", 50_000); // 10,000
        to(JANUARY);
        payouts.run(DECEMBER);
        assertEquals(10_000, payouts.fakes.payouts.values().iterator().next().amount().minor());

        refund("s1", 25_000); // half: a -5,000 reversal, payable at once (the original was paid)
        annaSale("s2", 100_000); // 20,000, payable in February
        to(YearMonth.of(2027, 3));
        payouts.run(YearMonth.of(2027, 2));

        Payout february = payouts.fakes.payouts.get(PayoutId.of(YearMonth.of(2027, 2), EUR, anna.id()));
        assertEquals(15_000, february.amount().minor(), "20,000 earned - 5,000 clawed back");
        assertEquals(2, february.entryCount());
    }

    @Test
    void aClawback_isCoveredByTheSameMonthsEarnings() {
        minimum(1);
        annaSale("s1", 50_000);
        to(JANUARY);
        payouts.run(DECEMBER);
        refund("s1", 50_000); // -10,000 after the payout, payable at once
        annaSale("s2", 100_000); // +20,000, payable on 31 January
        to(YearMonth.of(2027, 2));
        payouts.run(JANUARY);
        assertEquals(10_000, payouts.fakes.payouts.get(PayoutId.of(JANUARY, EUR, anna.id())).amount().minor(),
                "20,000 - 10,000 clawed back");
    }

    @Test
    void aNegativeBalance_isNotPaid() {
        minimum(1);
        annaSale("s1", 50_000);
        to(JANUARY);
        payouts.run(DECEMBER);
        refund("s1", 50_000);
        to(YearMonth.of(2027, 2));
        payouts.run(JANUARY);
        assertEquals(1, payouts.fakes.payouts.size(), "a negative balance carries over");
        assertEquals(-10_000, flow.store.commissions.stream().filter(c -> !c.paid())
                .mapToLong(c -> c.amount().minor()).sum());
    }

    @Test
    void aSuspendedPartnersBalance_isHeld() {
        minimum(1);
        annaSale("s1", 50_000);
        flow.store.updateStatus(anna.id(), PartnerStatus.SUSPENDED);
        to(JANUARY);
        PayoutRuns.Run run = payouts.run(DECEMBER);
        assertTrue(payouts.fakes.payouts.isEmpty());
        assertEquals(1, run.processed());
    }

    @Test
    void earlyApproval_paysAPendingEntryInThisMonthsRun_andVoidTakesTheRestBack() {
        minimum(1);
        annaSale("s1", 50_000); // payable 2026-12-23
        annaSale("s2", 50_000);
        Commission first = flow.store.commissions.get(0);
        Commission second = flow.store.commissions.get(1);
        assertInstanceOf(ReviewCommission.Result.Done.class,
                payouts.reviewCommission.approveEarly(anna.id(), first.id()));
        refund("s2", 10_000); // -2,000 reversal of the second
        ReviewCommission.Result voided = payouts.reviewCommission.voidEntry(anna.id(), second.id(), "test order");
        Commission voidEntry = ((ReviewCommission.Result.Done) voided).voidEntry();
        assertEquals(CommissionKind.VOID, voidEntry.kind());
        assertEquals(-8_000, voidEntry.amount().minor(), "what the refund left of 10,000");
        refund("s2", 10_000); // a later refund takes nothing more back
        assertEquals(4, flow.store.commissions.size());

        to(DECEMBER);
        payouts.run(YearMonth.of(2026, 11));

        Payout november = payouts.fakes.payouts.get(PayoutId.of(YearMonth.of(2026, 11), EUR, anna.id()));
        assertEquals(10_000, november.amount().minor(), "only the early-approved entry was due in November");
        to(JANUARY);
        payouts.run(DECEMBER);
        assertEquals(0, flow.store.commissions.stream().filter(c -> !c.paid()).mapToLong(c -> c.amount().minor())
                .sum() + 0, "10,000 - 2,000 - 8,000 = 0 is below the minimum of 1 and carries over");
    }

    @Test
    void aFailedPayout_returnsItsEntries_whichTheNextRunPays() {
        minimum(1);
        annaSale("s1", 50_000);
        to(JANUARY);
        payouts.run(DECEMBER);
        PayoutId december = PayoutId.of(DECEMBER, EUR, anna.id());

        assertInstanceOf(ReviewPayout.Result.Done.class, payouts.reviewPayout.markFailed(december, "IBAN closed"));
        assertTrue(flow.store.commissions.stream().noneMatch(Commission::paid));
        assertInstanceOf(ReviewPayout.Result.Conflict.class, payouts.reviewPayout.markPaid(december, "TRX-1"));

        to(YearMonth.of(2027, 2));
        payouts.run(JANUARY);
        Payout january = payouts.fakes.payouts.get(PayoutId.of(JANUARY, EUR, anna.id()));
        assertEquals(10_000, january.amount().minor());
        assertInstanceOf(ReviewPayout.Result.Done.class, payouts.reviewPayout.markPaid(january.id(), "TRX-2"));
        assertEquals(PayoutStatus.PAID, payouts.fakes.payouts.get(january.id()).status());
    }

    @Test
    void theManager_getsOneSummary_whenEveryPlannedPartnerWasProcessed() {
        minimum(1);
        annaSale("s1", 50_000);
        Partner bruno = flow.partner("bruno@partner.example");
        flow.link(bruno, "bruno-news");
        flow.event("b1", dev.refer.core.conversion.ConversionKind.SALE, "order-b1", 30_000, null, "cus-b1",
                flow.click("bruno-news").value(), null, flow.clock.instant());
        to(JANUARY);

        PayoutRuns.Run run = payouts.run(DECEMBER);
        payouts.run(DECEMBER);

        assertTrue(run.complete());
        List<RunSummaryLetter> summaries = payouts.fakes.sent.stream().filter(RunSummaryLetter.class::isInstance)
                .map(RunSummaryLetter.class::cast).toList();
        assertEquals(1, summaries.size());
        assertEquals(2, summaries.getFirst().payouts());
        assertEquals(List.of(Money.of(16_000, "EUR")), summaries.getFirst().totals());
    }

    @Test
    void aStatementWhoseSendOutcomeWasLost_isNeverResentByItself() {
        minimum(1);
        annaSale("s1", 50_000);
        to(JANUARY);
        PayoutId id = PayoutId.of(DECEMBER, EUR, anna.id());
        // a crash between the send and its record left the claim
        payouts.fakes.claim("statement#" + id.value(), "statement", anna.id(), "anna@partner.example",
                flow.clock.instant());

        payouts.run(DECEMBER);

        assertTrue(statements().isEmpty());
        assertEquals(MailLog.State.SENDING, payouts.fakes.find("statement#" + id.value()).orElseThrow().state());
    }

    @Test
    void anEntryVoidedAfterTheCutoff_beforeTheRun_isNotPaid_andWaitsForItsVoid() {
        minimum(1);
        annaSale("s1", 50_000); // 10,000, payable 2026-12-23
        annaSale("s2", 50_000);
        Commission first = flow.store.commissions.get(0);
        to(JANUARY); // December is over; its run has not started yet
        payouts.reviewCommission.voidEntry(anna.id(), first.id(), "fraud");

        payouts.run(DECEMBER);

        Payout december = payouts.fakes.payouts.get(PayoutId.of(DECEMBER, EUR, anna.id()));
        assertEquals(10_000, december.amount().minor());
        assertEquals(1, december.entryCount(), "the voided entry and its void are not in it");
        assertTrue(flow.store.commissions.stream().filter(c -> c.voidedAt() != null).noneMatch(Commission::paid),
                "a voided entry is never paid alone");
        to(YearMonth.of(2027, 2));
        payouts.run(JANUARY);
        assertEquals(0, flow.store.commissions.stream().filter(c -> !c.paid()).mapToLong(c -> c.amount().minor())
                .sum(), "the entry and its void net to nothing");
    }

    @Test
    void aVoidedEntry_cannotBeApprovedEarly() {
        annaSale("s1", 50_000);
        Commission entry = flow.store.commissions.getFirst();
        payouts.reviewCommission.voidEntry(anna.id(), entry.id(), "fraud");
        assertInstanceOf(ReviewCommission.Result.Conflict.class,
                payouts.reviewCommission.approveEarly(anna.id(), entry.id()));
        assertTrue(flow.store.commissions.stream().allMatch(c -> c.approvedAt() == null));
    }

    @Test
    void aRunStartedByHand_whileAnotherPeriodsRunIsIncomplete_isRefused() {
        minimum(1);
        annaSale("s1", 50_000);
        to(JANUARY);
        payouts.starter.start(DECEMBER, ZoneOffset.UTC); // planned; its partner message not delivered yet

        StartPayoutRun.ByHand refused = payouts.starter.startByHand(YearMonth.of(2026, 11), ZoneOffset.UTC);

        assertEquals(DECEMBER, assertInstanceOf(StartPayoutRun.ByHand.Refused.class, refused).incomplete().period());
        assertTrue(payouts.fakes.find(YearMonth.of(2026, 11)).isEmpty(), "nothing started");
        assertInstanceOf(StartPayoutRun.ByHand.Started.class,
                payouts.starter.startByHand(DECEMBER, ZoneOffset.UTC), "resuming the incomplete run itself is fine");
        payouts.drain();
        assertInstanceOf(StartPayoutRun.ByHand.Started.class,
                payouts.starter.startByHand(YearMonth.of(2026, 11), ZoneOffset.UTC));
        payouts.drain();
        assertEquals(1, payouts.fakes.payouts.size());
        assertEquals(10_000, payouts.fakes.payouts.values().iterator().next().amount().minor());
    }

    @Test
    void aRunForAPeriodThatHasNotEnded_isRefused() {
        assertThrows(dev.refer.core.basics.validation.Invalid.class,
                () -> payouts.starter.start(YearMonth.of(2026, 11), ZoneOffset.UTC));
    }

    @Test
    void sendOnce_releasesTheKey_whenTheMailServiceRefused() {
        SendOnce refusing = new SendOnce(payouts.fakes, letter -> {
            throw new dev.refer.core.mail.Mailer.MailRefused("throttled", null);
        }, flow.clock);
        var letter = new RunSummaryLetter(new EmailAddress("m@x.example"), Locale.US, "p", DECEMBER, 0, 0,
                List.of(), "/x");
        assertThrows(dev.refer.core.mail.Mailer.MailRefused.class, () -> refusing.send("k", null, letter));
        assertTrue(payouts.fakes.find("k").isEmpty());
        assertEquals(SendOnce.Outcome.SENT, payouts.mail.send("k", null, letter));
        assertEquals(SendOnce.Outcome.ALREADY_SENT, payouts.mail.send("k", null, letter));
    }
}

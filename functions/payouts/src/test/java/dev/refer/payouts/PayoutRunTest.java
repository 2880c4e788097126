package dev.refer.payouts;

import dev.refer.testkit.mail.SesOutbox;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly run end to end on DynamoDB Local and moto with the real SDK clients: the planner, the queue, the
 * worker, the statements and the manager's summary through SES.
 */
class PayoutRunTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void theRightPartnersGetTheRightPayouts_andStatements_belowTheMinimumCarriesOver_andAClawbackNetsNextMonth()
            throws Exception {
        PayoutHarness program = new PayoutHarness(5_000); // 50.00 EUR minimum
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        Partner bob = program.partner("bob-" + tag + "@partner.example", "bob-" + tag);
        program.sale("ada-" + tag, "ada-o1", 100_000); // 200.00
        program.sale("ada-" + tag, "ada-o2", 50_000);  // 100.00
        program.sale("bob-" + tag, "bob-o1", 10_000);  // 20.00: below the minimum

        program.clock.to(DECEMBER, 1);
        program.run(NOVEMBER);

        List<Payout> november = program.payouts(NOVEMBER);
        assertEquals(1, november.size(), november.toString());
        Payout adas = november.getFirst();
        assertEquals(ada.id(), adas.partnerId());
        assertEquals(30_000, adas.amount().minor());
        assertEquals(2, adas.entryCount());
        assertEquals(PayoutStatus.READY, adas.status());
        assertTrue(program.ledger(ada).stream().allMatch(Commission::paid));
        assertTrue(program.ledger(bob).stream().allMatch(c -> c.status() == CommissionStatus.APPROVED),
                "Bob's 20.00 is approved and carried over");

        List<SesOutbox.Mail> statements = PayoutHarness.sentTo(ada.email().value());
        assertEquals(1, statements.size());
        SesOutbox.Mail statement = statements.getFirst();
        assertTrue(statement.subject().contains("300,00"), statement.subject());
        assertTrue(statement.text().contains("ada-o1") && statement.text().contains("200,00"), statement.text());
        assertTrue(statement.html().contains("Paid by bank transfer within 10 days."), statement.html());
        assertTrue(PayoutHarness.sentTo(bob.email().value()).isEmpty());
        assertEquals(1, PayoutHarness.sentTo("manager@program.example").stream()
                .filter(s -> s.subject().contains("November 2026")).count(), "one summary for the manager");

        // a rerun of the period changes nothing
        program.run(NOVEMBER);
        assertEquals(november, program.payouts(NOVEMBER));
        assertEquals(1, PayoutHarness.sentTo(ada.email().value()).size());

        // December: Ada's first order is half refunded after its payout (a clawback); Bob earns enough to be paid
        program.clock.to(DECEMBER, 2);
        program.refund("ada-o1", 50_000);                 // -100.00, payable at once
        program.sale("ada-" + tag, "ada-o3", 300_000);  // +600.00, payable 1 January: next run
        program.sale("bob-" + tag, "bob-o2", 20_000);   // +40.00 on top of the carried 20.00, payable 1 January
        program.clock.to(YearMonth.of(2027, 1), 1);
        program.run(DECEMBER);
        assertEquals(List.of(), program.payouts(DECEMBER), "Ada's -100.00 and Bob's 20.00 carry over");
        program.clock.to(YearMonth.of(2027, 2), 1);
        program.run(YearMonth.of(2027, 1));

        List<Payout> january = program.payouts(YearMonth.of(2027, 1));
        assertEquals(2, january.size());
        Payout adaJanuary = january.stream().filter(p -> p.partnerId().equals(ada.id())).findFirst().orElseThrow();
        assertEquals(50_000, adaJanuary.amount().minor(), "600.00 earned - 100.00 clawed back");
        Payout bobJanuary = january.stream().filter(p -> p.partnerId().equals(bob.id())).findFirst().orElseThrow();
        assertEquals(6_000, bobJanuary.amount().minor(), "20.00 carried since November + 40.00");
        assertTrue(PayoutHarness.sentTo(bob.email().value()).getFirst().text().contains("Carried over"));
        assertEquals(0, program.deadLetters());
    }

    private static Commission entryOf(PayoutHarness program, Partner partner, String orderId, CommissionKind kind) {
        return program.ledger(partner).stream().filter(c -> orderId.equals(c.orderId()) && c.kind() == kind)
                .findFirst().orElseThrow();
    }

    @Test
    void anEntryVoidedAfterTheCutoff_beforeTheRun_isNeverPaid_andNetsWithItsVoidLater() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        program.sale("ada-" + tag, "ada-o1", 100_000); // 200.00, payable 4 November
        program.sale("ada-" + tag, "ada-o2", 50_000);  // 100.00
        program.clock.to(DECEMBER, 1); // November is over; its run has not started yet
        Commission first = entryOf(program, ada, "ada-o1", CommissionKind.SALE);
        program.voidEntry(ada, first.id());

        program.run(NOVEMBER);

        List<Payout> november = program.payouts(NOVEMBER);
        assertEquals(1, november.size(), november.toString());
        assertEquals(10_000, november.getFirst().amount().minor(), "the voided 200.00 is not paid");
        assertEquals(1, november.getFirst().entryCount());
        assertTrue(program.ledger(ada).stream().filter(c -> c.voidedAt() != null || c.kind() == CommissionKind.VOID)
                .noneMatch(Commission::paid), "neither the voided entry nor its void");

        program.clock.to(YearMonth.of(2027, 1), 1);
        program.run(DECEMBER);
        assertEquals(List.of(), program.payouts(DECEMBER), "200.00 - 200.00: nothing to pay");
        assertEquals(0, program.ledger(ada).stream().filter(c -> !c.paid()).mapToLong(c -> c.amount().minor()).sum());
        assertTrue(program.ledger(ada).stream().filter(c -> c.voidedAt() != null).noneMatch(Commission::paid));
    }

    @Test
    void anEntryVoidedBetweenTheRunsReadAndItsPayment_isLeftOut_withWhatTakesItBack() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        program.sale("ada-" + tag, "ada-o1", 100_000); // 200.00
        program.refund("ada-o1", 50_000);              // -100.00, due with it
        program.sale("ada-" + tag, "ada-o2", 50_000);  // 100.00
        program.clock.to(DECEMBER, 1);
        var book = new DynamoDbPayoutBook(program.table.client(), program.config);
        Instant cutoff = PayoutCalendar.cutoff(NOVEMBER, ZoneOffset.UTC);
        List<Commission> read = book.dueEntries(ada.id(), cutoff);
        assertEquals(3, read.size());

        program.voidEntry(ada, entryOf(program, ada, "ada-o1", CommissionKind.SALE).id()); // after the read
        PayoutId id = PayoutId.of(NOVEMBER, Currency.getInstance("EUR"), ada.id());
        book.open(Payout.open(id, cutoff, program.clock.instant()));
        Payout paid = book.pay(id, read, program.clock.instant());

        assertEquals(10_000, paid.amount().minor(), "only the second sale: not the voided one, nor its refund");
        assertEquals(1, paid.entryCount());
        assertTrue(program.ledger(ada).stream().filter(c -> "ada-o1".equals(c.orderId())).noneMatch(Commission::paid));
    }

    @Test
    void aRefundOfAnEarlyApprovedPaidEntry_isAClawbackDueAtOnce() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        program.sale("ada-" + tag, "ada-o1", 100_000); // 200.00 on 5 October, payable 4 November
        program.clock.set(program.clock.instant().plus(java.time.Duration.ofDays(1)));
        program.approveEarly(ada, entryOf(program, ada, "ada-o1", CommissionKind.SALE).id());
        program.clock.to(NOVEMBER, 1);
        program.run(YearMonth.of(2026, 10)); // the early-approved entry is paid with October
        assertEquals(20_000, program.payouts(YearMonth.of(2026, 10)).getFirst().amount().minor());

        program.clock.to(NOVEMBER, 2);
        program.refund("ada-o1", 50_000);

        Commission clawback = entryOf(program, ada, "ada-o1", CommissionKind.REVERSAL);
        assertEquals(program.clock.instant(), clawback.payableOn(),
                "due now, not on 4 November, the end of the paid entry's holding period");
    }

    /**
     * The stream consumer gave up on the batch that held a partner's first sale (retries exhausted, or its records
     * expired after a day): the payee index never listed the partner. The run's sweep lists it, and the run pays it.
     */
    @Test
    void aDueEntryWhoseStreamRecordWasLost_isPaidByTheNextRun_andTheRunCompletes() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        Partner eve = program.partner("eve-" + tag + "@partner.example", "eve-" + tag);
        program.sale("ada-" + tag, "ada-o1", 100_000);
        program.saleLostToTheStream("eve-" + tag, "eve-o1", 100_000);

        program.clock.to(DECEMBER, 1);
        program.run(NOVEMBER);

        List<Payout> november = program.payouts(NOVEMBER);
        assertEquals(List.of(ada.id(), eve.id()).stream().sorted(java.util.Comparator.comparing(
                        dev.refer.core.partner.PartnerId::value)).toList(),
                november.stream().map(Payout::partnerId).toList(), "both partners are paid");
        assertTrue(program.ledger(eve).stream().allMatch(Commission::paid));
        assertEquals(1, PayoutHarness.sentTo("manager@program.example").stream()
                .filter(s -> s.subject().contains("November 2026")).count(), "the run completes: one summary");
        assertEquals(0, program.deadLetters());
    }
}

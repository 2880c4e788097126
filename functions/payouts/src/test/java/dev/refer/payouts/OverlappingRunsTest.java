package dev.refer.payouts;

import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.Partner;
import dev.refer.core.payout.PayPartner;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.PayoutStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two periods' runs paying one partner at once on DynamoDB Local (the scheduled run, or a redriven message of an old
 * period, while another period's run is incomplete): the worker of one period lets the other period's worker run to
 * its end before each of its DynamoDB calls in turn, both ways round, one partner per interleaving. No payout of the
 * period listings (what the admin's payouts CSV prints) is negative or below the minimum, each entry is paid at most
 * once and by a payout that exists, and what no payout took stays in the balance.
 */
class OverlappingRunsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final long MINIMUM = 5_000;
    private static final Instant RUNS = Instant.parse("2027-01-01T06:00:00Z");

    private final PayoutHarness program = new PayoutHarness(MINIMUM);
    private final String tag = Long.toString(System.nanoTime());
    private final List<Partner> partners = new ArrayList<>();

    /** A partner with +200.00 due in November and December, +60.00 and a -80.00 clawback due in December only. */
    private Partner partner() {
        int n = partners.size();
        Partner partner = program.partner("p" + n + "-" + tag + "@partner.example", "p" + n + "-" + tag);
        partners.add(partner);
        program.clock.set(Instant.parse("2026-10-05T10:00:00Z"));
        program.sale("p" + n + "-" + tag, "p" + n + "-o1", 100_000); // +200.00, payable 4 November
        program.clock.set(Instant.parse("2026-11-10T10:00:00Z"));
        program.sale("p" + n + "-" + tag, "p" + n + "-o2", 30_000);  // +60.00, payable 10 December
        program.clock.set(Instant.parse("2026-12-05T10:00:00Z"));
        program.refund("p" + n + "-o1", 40_000);                    // -80.00, written after November's cutoff
        program.clock.set(RUNS);
        return partner;
    }

    private static PayPartner.Command command(YearMonth period, Partner partner) {
        return new PayPartner.Command(period, PayoutCalendar.periodStart(period, ZoneOffset.UTC),
                PayoutCalendar.cutoff(period, ZoneOffset.UTC), partner.id());
    }

    /** A delivery of the worker's message, redelivered as the queue does while it fails. */
    private static void deliver(PayPartner worker, PayPartner.Command command) {
        for (int attempt = 1; ; attempt++) {
            try {
                worker.run(command);
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Before the client's {@code at}-th call, runs {@code other} (once); counts every call. */
    private static ExecutionInterceptor before(int at, Runnable other, AtomicInteger calls) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (calls.incrementAndGet() == at) {
                    other.run();
                }
            }
        };
    }

    @Test
    void twoPeriodsRunsForOnePartner_interleavedAtEveryDynamoDbCall_neverMakeAPayoutBelowTheMinimum() {
        PayPartner plain = program.wiring(List.of(), List.of(), List.of()).payPartner();
        List<Executable> interleavings = new ArrayList<>();
        for (YearMonth first : List.of(NOVEMBER, DECEMBER)) {
            YearMonth second = first.equals(NOVEMBER) ? DECEMBER : NOVEMBER;
            AtomicInteger alone = new AtomicInteger();
            Partner counted = partner();
            deliver(program.wiring(List.of(before(0, () -> { }, alone)), List.of(), List.of()).payPartner(),
                    command(first, counted));
            assertTrue(alone.get() > 5, "the worker alone makes " + alone.get() + " DynamoDB calls");
            for (int at = 1; at <= alone.get() + 1; at++) {
                Partner partner = partner();
                PayPartner interrupted = program.wiring(List.of(before(at,
                        () -> deliver(plain, command(second, partner)), new AtomicInteger())), List.of(), List.of())
                        .payPartner();
                String how = first + " interrupted before its DynamoDB call " + at + " by " + second;
                interleavings.add(() -> {
                    deliver(interrupted, command(first, partner));
                    check(partner, how);
                });
            }
        }
        assertAll(interleavings); // every interleaving runs; each failing one is reported
        for (YearMonth period : List.of(NOVEMBER, DECEMBER)) {
            for (Payout row : program.payouts(period)) { // the rows of GET /admin/payouts.csv?period=...
                assertEquals(PayoutStatus.READY, row.status(), row.toString());
                assertTrue(row.amount().minor() >= MINIMUM, "a CSV row below the minimum: " + row);
            }
        }
    }

    private void check(Partner partner, String how) {
        List<Payout> made = new ArrayList<>();
        for (YearMonth period : List.of(NOVEMBER, DECEMBER)) {
            program.payouts(period).stream().filter(p -> p.partnerId().equals(partner.id())).forEach(made::add);
        }
        List<Commission> ledger = program.ledger(partner);
        assertEquals(3, ledger.size(), how);
        for (Payout payout : made) {
            assertEquals(PayoutStatus.READY, payout.status(), how + ": " + payout);
            assertTrue(payout.amount().minor() >= MINIMUM, how + ": below the minimum: " + payout);
            List<Commission> taken = ledger.stream().filter(c -> payout.id().value().equals(c.payoutId())).toList();
            assertEquals(payout.entryCount(), taken.size(), how + ": " + payout);
            assertEquals(payout.amount().minor(), taken.stream().mapToLong(c -> c.amount().minor()).sum(), how);
        }
        for (Commission entry : ledger) {
            assertTrue(entry.payoutId() == null || made.stream().anyMatch(p -> p.id().value().equals(entry.payoutId())),
                    how + ": paid by no payout: " + entry);
            assertEquals(entry.payoutId() != null, entry.paid(), how + ": " + entry);
        }
        long paid = made.stream().mapToLong(p -> p.amount().minor()).sum();
        long balance = ledger.stream().filter(c -> !c.paid()).mapToLong(c -> c.amount().minor()).sum();
        assertEquals(18_000, paid + balance, how + ": 200.00 + 60.00 - 80.00, each entry once");
    }
}

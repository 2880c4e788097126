package dev.refer.core.payout;

import dev.refer.core.Flow;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runs of different periods paying one partner at once (the scheduled run, or a redriven message of an old
 * period, while another period's run is incomplete): the second run is let in before each call the first makes to the
 * payout book in turn, both ways round. Whatever the interleaving, no payout closes negative or below the minimum,
 * each entry is paid at most once and by a payout that exists, and what no payout took stays in the balance.
 */
class OverlappingRunsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final YearMonth JANUARY = YearMonth.of(2027, 1);
    private static final long MINIMUM = 5_000;

    /** One partner's ledger, both periods' runs due. */
    private static final class World {
        final Flow flow = new Flow();
        final Payouts payouts = new Payouts(flow);
        final Partner anna = flow.partner("anna@partner.example");

        World() {
            Program p = flow.store.find(Fixtures.PROGRAM).orElseThrow();
            flow.store.save(new Program(p.id(), p.currency(), p.attributionWindowDays(), p.holdingPeriodDays(),
                    p.defaultPlan(), p.allowedDestinationHosts(), p.allowedFormOrigins(), p.maxEventAgeDays(),
                    new PayoutSettings(Map.of(EUR, MINIMUM), Locale.GERMANY, "Bank transfer within 10 days.",
                            new EmailAddress("manager@program.example"))));
            flow.link(anna, "anna-news");
            sale("s1", 50_000);   // +10,000 on 23 November, due 23 December: December's and January's
            to(Instant.parse("2026-12-05T10:00:00Z"));
            sale("s2", 30_000);   // +6,000, due 4 January: January's only
            to(Instant.parse("2027-01-10T10:00:00Z"));
            flow.event("refund-s1", ConversionKind.REFUND, "order-s1", 40_000, null, "cus-s1", null, null,
                    flow.clock.instant()); // -8,000, written after December's cutoff: January's only
            to(Instant.parse("2027-02-01T06:00:00Z"));
        }

        private void sale(String id, long minor) {
            flow.event(id, ConversionKind.SALE, "order-" + id, minor, null, "cus-" + id,
                    flow.click("anna-news").value(), null, flow.clock.instant());
        }

        private void to(Instant at) {
            flow.clock.advance(Duration.between(flow.clock.instant(), at));
        }

        PayPartner.Command command(YearMonth period) {
            return new PayPartner.Command(period, PayoutCalendar.periodStart(period, ZoneOffset.UTC),
                    PayoutCalendar.cutoff(period, ZoneOffset.UTC), anna.id());
        }

        /** A worker whose {@code at}-th call to the book first lets {@code other} run to its end. */
        PayPartner interrupted(int at, Runnable other, AtomicInteger calls) {
            PayoutBook book = (PayoutBook) Proxy.newProxyInstance(PayoutBook.class.getClassLoader(),
                    new Class<?>[]{PayoutBook.class}, (proxy, method, args) -> {
                        if (calls.incrementAndGet() == at) {
                            other.run();
                        }
                        try {
                            return method.invoke(payouts.fakes, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return new PayPartner(Fixtures.PROGRAM, flow.store, flow.store, book, payouts.fakes, payouts.fakes,
                    payouts.mail, payouts.summary, flow.clock, java.time.ZoneOffset.UTC);
        }
    }

    @Test
    void twoPeriodsRunsForOnePartner_interleavedAtEveryStep_neverCloseAPayoutBelowTheMinimum() {
        List<Executable> interleavings = new ArrayList<>();
        for (YearMonth first : List.of(DECEMBER, JANUARY)) {
            YearMonth second = first.equals(DECEMBER) ? JANUARY : DECEMBER;
            AtomicInteger alone = new AtomicInteger();
            World clean = new World();
            clean.interrupted(0, () -> { }, alone).run(clean.command(first));
            assertTrue(alone.get() > 5, "the run alone calls the book " + alone.get() + " times");
            for (int at = 1; at <= alone.get() + 1; at++) {
                int call = at;
                interleavings.add(() -> {
                    World world = new World();
                    world.interrupted(call, () -> world.payouts.payPartner.run(world.command(second)),
                            new AtomicInteger()).run(world.command(first));
                    check(world, first + " interrupted at its call " + call + " by " + second);
                });
            }
        }
        assertAll(interleavings); // every interleaving runs; each failing one is reported
    }

    private static void check(World world, String how) {
        List<Commission> ledger = world.flow.store.commissions;
        for (Payout payout : world.payouts.fakes.payouts.values()) {
            assertEquals(PayoutStatus.READY, payout.status(), how + ": " + payout);
            assertTrue(payout.amount().minor() >= MINIMUM, how + ": below the minimum: " + payout);
            List<Commission> taken = ledger.stream().filter(c -> payout.id().value().equals(c.payoutId())).toList();
            assertEquals(payout.entryCount(), taken.size(), how + ": " + payout);
            assertEquals(payout.amount().minor(), taken.stream().mapToLong(c -> c.amount().minor()).sum(), how);
        }
        for (Commission entry : ledger) {
            assertTrue(entry.payoutId() == null || world.payouts.fakes.payouts.keySet().stream()
                    .anyMatch(id -> id.value().equals(entry.payoutId())), how + ": paid by no payout: " + entry);
        }
        long paid = world.payouts.fakes.payouts.values().stream().mapToLong(p -> p.amount().minor()).sum();
        long balance = ledger.stream().filter(c -> !c.paid()).mapToLong(c -> c.amount().minor()).sum();
        assertEquals(8_000, paid + balance, how + ": 10,000 + 6,000 - 8,000, each once");
        assertTrue(world.payouts.fakes.sent.stream().filter(dev.refer.core.mail.StatementLetter.class::isInstance)
                .count() <= world.payouts.fakes.payouts.size(), how + ": a statement for a payout that is not made");
    }
}

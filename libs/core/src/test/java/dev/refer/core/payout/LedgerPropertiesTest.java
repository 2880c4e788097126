package dev.refer.core.payout;

import dev.refer.core.Flow;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.mail.StatementLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random histories of sales, renewals, partial refunds (before and after payout), voids, early approvals, payout runs
 * (some delivered twice), failed and settled payouts, leads qualified and rejected (reviews delivered twice) and
 * their rewards voided, in any order. Whatever happened, per partner and currency: everything the ledger holds (earned
 * minus taken back) equals what payouts paid plus the balance still unpaid; every payout is the sum of exactly its
 * entries; no entry is in two payouts; every payout got exactly one statement; and no entry was taken back (by
 * refunds, rejections, voids, clawbacks) more than it earned.
 */
class LedgerPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Property(tries = 300)
    void earnedMinusTakenBack_equalsPaidPlusBalance(@ForAll @Size(min = 1, max = 60) List<@IntRange(max = 9999) Integer> steps,
                                                    @ForAll @IntRange(min = 0, max = 20_000) int minimum) {
        Flow flow = new Flow();
        Payouts payouts = new Payouts(flow);
        Program p = flow.store.find(Fixtures.PROGRAM).orElseThrow();
        flow.store.save(new Program(p.id(), p.currency(), p.attributionWindowDays(), p.holdingPeriodDays(),
                p.defaultPlan(), p.allowedDestinationHosts(), p.allowedFormOrigins(), p.maxEventAgeDays(),
                new PayoutSettings(Map.of(EUR, (long) minimum), Locale.US, null,
                        new EmailAddress("manager@program.example"))));
        List<Partner> partners = List.of(flow.partner("a@partner.example"), flow.partner("b@partner.example"));
        for (Partner partner : partners) {
            flow.link(partner, "link-" + partner.id().value().substring(20).toLowerCase());
        }
        List<String> orders = new ArrayList<>();
        List<LeadId> leads = new ArrayList<>();
        Map<String, Long> orderAmounts = new HashMap<>();
        Random random = new Random(steps.hashCode());
        int event = 0;
        YearMonth lastRun = YearMonth.from(flow.clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);

        for (int step : steps) {
            int action = step % 13;
            event++;
            switch (action) {
                case 0, 1 -> { // a sale (or a renewal) brought by a partner's click
                    Partner partner = partners.get(step % 2);
                    String code = "link-" + partner.id().value().substring(20).toLowerCase();
                    String order = "o" + event;
                    long amount = 1_000 + random.nextInt(100_000);
                    flow.event("e" + event, action == 0 ? ConversionKind.SALE : ConversionKind.RENEWAL, order,
                            amount, null, "cus" + event, flow.click(code).value(), null, flow.clock.instant());
                    orders.add(order);
                    orderAmounts.put(order, amount);
                }
                case 2 -> { // a partial refund of some order (before or after its payout)
                    if (!orders.isEmpty()) {
                        String order = orders.get(random.nextInt(orders.size()));
                        long amount = 1 + random.nextInt((int) Math.max(1, orderAmounts.get(order) / 2));
                        flow.event("e" + event, ConversionKind.REFUND, order, amount, null, null, null, null,
                                flow.clock.instant());
                    }
                }
                case 3, 4 -> flow.clock.advance(Duration.ofDays(5 + random.nextInt(35)));
                case 5 -> { // the monthly run(s) due by now, one message delivered twice
                    YearMonth due = YearMonth.from(flow.clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
                    while (lastRun.isBefore(due)) {
                        lastRun = lastRun.plusMonths(1);
                        payouts.starter.start(lastRun, ZoneOffset.UTC);
                        var first = payouts.fakes.queue.peekLast();
                        payouts.drain();
                        payouts.run(lastRun); // a rerun of the same period
                        if (first != null) {
                            payouts.fakes.queue.add(first);
                            payouts.drain();
                        }
                    }
                }
                case 6 -> randomEntry(flow, random).ifPresent(entry ->
                        payouts.reviewCommission.voidEntry(entry.partnerId(), entry.id(), "random void"));
                case 7 -> randomEntry(flow, random).ifPresent(entry ->
                        payouts.reviewCommission.approveEarly(entry.partnerId(), entry.id()));
                case 8 -> randomPayout(payouts, random).ifPresent(payout ->
                        payouts.reviewPayout.markFailed(payout.id(), "bank said no"));
                case 10 -> { // a lead brought by a partner's link, often qualified at once (its reward)
                    Partner partner = partners.get(step % 2);
                    LeadId lead = flow.lead("lead" + event + "@prospect.example", null,
                            "link-" + partner.id().value().substring(20).toLowerCase());
                    leads.add(lead);
                    if (random.nextInt(3) > 0) {
                        flow.reviewLead.review(new ReviewLead.Command(lead, ReviewLead.Decision.QUALIFY, null));
                    }
                }
                case 11 -> { // a review of some lead (qualified ones may still be rejected), sometimes delivered twice
                    if (!leads.isEmpty()) {
                        LeadId lead = leads.get(random.nextInt(leads.size()));
                        ReviewLead.Command review = new ReviewLead.Command(lead, random.nextInt(3) == 0
                                ? ReviewLead.Decision.QUALIFY : ReviewLead.Decision.REJECT, "reviewed");
                        flow.reviewLead.review(review);
                        if (random.nextBoolean()) {
                            flow.reviewLead.review(review);
                        }
                    }
                }
                case 12 -> { // a void of some lead reward (before or after its rejection or payout), maybe twice
                    List<Commission> rewards = flow.store.commissions.stream()
                            .filter(c -> c.kind() == CommissionKind.QUALIFIED_LEAD).toList();
                    if (!rewards.isEmpty()) {
                        Commission reward = rewards.get(random.nextInt(rewards.size()));
                        int times = 1 + random.nextInt(2);
                        for (int i = 0; i < times; i++) {
                            payouts.reviewCommission.voidEntry(reward.partnerId(), reward.id(), "spam lead");
                        }
                    }
                }
                default -> {
                    String reference = "TRX-" + event;
                    randomPayout(payouts, random).ifPresent(payout ->
                            payouts.reviewPayout.markPaid(payout.id(), reference));
                }
            }
        }

        // the months after the history: every entry becomes due and is paid or carried
        flow.clock.advance(Duration.ofDays(70));
        YearMonth end = YearMonth.from(flow.clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
        while (lastRun.isBefore(end)) {
            lastRun = lastRun.plusMonths(1);
            payouts.run(lastRun);
        }
        randomPayout(payouts, random).ifPresent(payout -> payouts.reviewPayout.markFailed(payout.id(), "closed"));

        // the histories must reach the interesting cases, not just pass vacuously
        net.jqwik.api.statistics.Statistics.label("payouts")
                .collect(payouts.fakes.payouts.isEmpty() ? "none" : "some")
                .coverage(coverage -> coverage.check("some").percentage(percent -> percent > 20));
        net.jqwik.api.statistics.Statistics.label("failed payouts")
                .collect(payouts.fakes.payouts.values().stream().anyMatch(x -> x.status() == PayoutStatus.FAILED))
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 3));
        for (Partner partner : partners) {
            long ledger = 0;
            long unpaid = 0;
            for (Commission entry : flow.store.commissions) {
                if (entry.partnerId().equals(partner.id())) {
                    ledger += entry.amount().minor();
                    if (!entry.paid()) {
                        unpaid += entry.amount().minor();
                    }
                }
            }
            long paid = payouts.fakes.payouts.values().stream()
                    .filter(payout -> payout.partnerId().equals(partner.id()) && payout.status() != PayoutStatus.FAILED)
                    .mapToLong(payout -> payout.amount().minor()).sum();
            assertEquals(ledger, paid + unpaid, "earned minus taken back = paid + balance");
        }
        Map<CommissionId, Long> takenBack = new HashMap<>();
        for (Commission entry : flow.store.commissions) {
            entry.reversed().ifPresent(target -> takenBack.merge(target, -entry.amount().minor(), Long::sum));
        }
        for (Commission entry : flow.store.commissions) {
            if (!entry.kind().takesBack()) {
                assertTrue(takenBack.getOrDefault(entry.id(), 0L) <= entry.amount().minor(),
                        "taken back at most what it earned: " + entry);
            }
        }
        net.jqwik.api.statistics.Statistics.label("lead rewards taken back")
                .collect(flow.store.commissions.stream().anyMatch(c -> c.kind() == CommissionKind.QUALIFIED_LEAD
                        && takenBack.containsKey(c.id())))
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 5));
        for (Payout payout : payouts.fakes.payouts.values()) {
            long entries = flow.store.commissions.stream().filter(c -> payout.id().value().equals(c.payoutId()))
                    .mapToLong(c -> c.amount().minor()).sum();
            if (payout.status() == PayoutStatus.FAILED) {
                assertEquals(0, entries, "a failed payout's entries are back in the balance");
                assertTrue(payout.returned());
            } else {
                assertEquals(payout.amount().minor(), entries, "a payout is the sum of its entries");
                assertTrue(payout.amount().minor() >= Math.max(1, minimum), "at or above the minimum");
                assertNotEquals(PayoutStatus.OPEN, payout.status());
            }
            long statements = payouts.fakes.sent.stream().filter(StatementLetter.class::isInstance)
                    .filter(letter -> ((StatementLetter) letter).payoutId().equals(payout.id().value())).count();
            assertEquals(1, statements, "one statement per payout");
        }
    }

    private static java.util.Optional<Commission> randomEntry(Flow flow, Random random) {
        List<Commission> all = flow.store.commissions;
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(random.nextInt(all.size())));
    }

    private static java.util.Optional<Payout> randomPayout(Payouts payouts, Random random) {
        List<Payout> all = new ArrayList<>(payouts.fakes.payouts.values());
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(random.nextInt(all.size())));
    }
}

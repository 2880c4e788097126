package dev.refer.core.fakes;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.MailLog;
import dev.refer.core.mail.Mailer;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayeeIndex;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutBook;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutMessages;
import dev.refer.core.payout.PayoutRuns;
import dev.refer.core.payout.PayoutStatus;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory fakes of the payout ports over an {@link InMemoryStore}'s ledger: the book, the payee index (every
 * partner with an unpaid entry), the runs, the queue (messages kept for the test to deliver), the send log and a
 * mailer that keeps what it sent.
 */
public final class InMemoryPayouts implements PayoutBook, PayeeIndex, PayoutRuns, PayoutMessages, MailLog, Mailer {

    /** A queued message: a partner to pay, or a shard step to plan. */
    public record Message(YearMonth period, Instant periodStart, Instant cutoff, PartnerId partnerId, Integer shard,
                          boolean summarize) {
    }

    private final InMemoryStore store;
    public final Map<PayoutId, Payout> payouts = new LinkedHashMap<>();
    public final Map<YearMonth, Run> runs = new HashMap<>();
    private final Map<YearMonth, Set<PartnerId>> processed = new HashMap<>();
    public final Deque<Message> queue = new ArrayDeque<>();
    public final Map<String, Entry> mailLog = new LinkedHashMap<>();
    public final List<Letter> sent = new ArrayList<>();
    public final Set<PartnerId> forgotten = new HashSet<>();

    public InMemoryPayouts(InMemoryStore store) {
        this.store = store;
    }

    private List<Commission> ledger() {
        return store.commissions;
    }

    // book
    @Override
    public synchronized List<Commission> dueEntries(PartnerId partnerId, Instant cutoff) {
        return ledger().stream().filter(c -> c.partnerId().equals(partnerId) && !c.paid()
                        && c.dueAt().isBefore(cutoff) && c.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Commission::dueAt).thenComparing(c -> c.id().value())).toList();
    }

    @Override
    public synchronized boolean hasUnpaid(PartnerId partnerId) {
        return ledger().stream().anyMatch(c -> c.partnerId().equals(partnerId) && !c.paid());
    }

    @Override
    public synchronized void approve(List<Commission> entries) {
        for (Commission entry : entries) {
            store.find(entry.partnerId(), entry.id()).filter(c -> c.status() == CommissionStatus.PENDING)
                    .ifPresent(c -> store.replaceEntry(c.approved()));
        }
    }

    @Override
    public synchronized Optional<Payout> find(PayoutId id) {
        return Optional.ofNullable(payouts.get(id));
    }

    @Override
    public synchronized Payout open(Payout payout) {
        return payouts.computeIfAbsent(payout.id(), id -> payout);
    }

    @Override
    public synchronized Payout pay(PayoutId id, List<Commission> entries, Instant at) {
        Payout payout = payouts.get(id);
        if (payout.status() != PayoutStatus.OPEN) {
            throw new IllegalStateException("payout " + id + " is " + payout.status());
        }
        Money amount = payout.amount();
        int count = payout.entryCount();
        Set<dev.refer.core.ledger.CommissionId> voidedSinceRead = new HashSet<>();
        for (Commission entry : entries) {
            Commission stored = store.find(entry.partnerId(), entry.id()).orElseThrow();
            if (entry.voidedAt() == null && stored.voidedAt() != null) {
                voidedSinceRead.add(entry.id());
            }
        }
        for (Commission entry : entries) {
            Commission stored = store.find(entry.partnerId(), entry.id()).orElseThrow();
            if (stored.paid() || voidedSinceRead.contains(entry.id())
                    || entry.reversed().map(voidedSinceRead::contains).orElse(false)) {
                continue;
            }
            store.replaceEntry(stored.paidBy(id.value()));
            amount = amount.plus(stored.amount());
            count++;
        }
        Payout after = new Payout(id, payout.partnerId(), payout.period(), amount, count, payout.status(),
                payout.cutoff(), payout.createdAt(), at, null, null, false);
        payouts.put(id, after);
        return after;
    }

    @Override
    public synchronized Payout close(PayoutId id, long minimum, Instant at) {
        Payout payout = payouts.get(id);
        if (payout.status() == PayoutStatus.OPEN && payout.amount().minor() >= minimum) {
            payout = with(payout, PayoutStatus.READY, at, null, null, false);
            payouts.put(id, payout);
        }
        return payout;
    }

    @Override
    public synchronized void withdraw(PayoutId id, Instant at) {
        Payout payout = payouts.get(id);
        if (payout == null || payout.status() != PayoutStatus.OPEN) {
            return;
        }
        for (Commission entry : entriesOf(id)) {
            store.replaceEntry(entry.returned());
        }
        payouts.remove(id);
    }

    private static Payout with(Payout p, PayoutStatus status, Instant at, String reference, String reason,
                               boolean returned) {
        return new Payout(p.id(), p.partnerId(), p.period(), p.amount(), p.entryCount(), status, p.cutoff(),
                p.createdAt(), at, reference, reason, returned);
    }

    @Override
    public synchronized List<Commission> entriesOf(PayoutId id) {
        return ledger().stream().filter(c -> id.value().equals(c.payoutId())).toList();
    }

    @Override
    public synchronized Optional<Payout> settle(PayoutId id, String reference, Instant at) {
        Payout payout = payouts.get(id);
        if (payout == null || payout.status() != PayoutStatus.READY) {
            return Optional.empty();
        }
        payout = with(payout, PayoutStatus.PAID, at, reference, null, false);
        payouts.put(id, payout);
        return Optional.of(payout);
    }

    @Override
    public synchronized Optional<Payout> fail(PayoutId id, String reason, Instant at) {
        Payout payout = payouts.get(id);
        if (payout == null || payout.status() != PayoutStatus.READY) {
            return Optional.empty();
        }
        payout = with(payout, PayoutStatus.FAILED, at, null, reason, false);
        payouts.put(id, payout);
        return Optional.of(payout);
    }

    @Override
    public synchronized void returnEntries(PayoutId id, Instant at) {
        for (Commission entry : entriesOf(id)) {
            store.replaceEntry(entry.returned());
        }
        Payout payout = payouts.get(id);
        payouts.put(id, with(payout, payout.status(), at, payout.reference(), payout.failureReason(), true));
    }

    @Override
    public synchronized Page<Payout> payoutsOf(PartnerId partnerId, PageRequest page) {
        return new Page<>(payouts.values().stream().filter(p -> p.partnerId().equals(partnerId)).toList(), null);
    }

    @Override
    public synchronized List<Payout> payoutsOf(PartnerId partnerId, YearMonth period) {
        return payouts.values().stream().filter(p -> p.partnerId().equals(partnerId) && p.period().equals(period))
                .toList();
    }

    @Override
    public synchronized Page<Payout> payoutsIn(YearMonth period, PageRequest page) {
        return new Page<>(payouts.values().stream().filter(p -> p.period().equals(period)).toList(), null);
    }

    // payee index: every partner with an unpaid entry, in one shard
    @Override
    public synchronized PayeePage payees(int shard, String cursor, int limit) {
        if (shard != 0 || cursor != null) {
            return new PayeePage(List.of(), null);
        }
        return new PayeePage(ledger().stream().filter(c -> !c.paid()).map(Commission::partnerId).distinct()
                .toList(), null);
    }

    @Override
    public synchronized void forget(PartnerId partnerId, Instant checkedAt) {
        forgotten.add(partnerId);
    }

    /** The partners with ledger entries (this index, derived from the ledger, lacks none). */
    @Override
    public synchronized PayeePage partners(String cursor, int limit) {
        return new PayeePage(cursor != null ? List.of()
                : ledger().stream().map(Commission::partnerId).distinct().toList(), null);
    }

    @Override
    public synchronized boolean list(PartnerId partnerId, Instant at) {
        return false;
    }

    // runs
    @Override
    public synchronized Run start(YearMonth period, Instant periodStart, Instant cutoff, Instant now) {
        return runs.computeIfAbsent(period, p -> new Run(p, periodStart, cutoff, 0, 0, Map.of(), 0, now));
    }

    @Override
    public synchronized Optional<Run> find(YearMonth period) {
        return Optional.ofNullable(runs.get(period));
    }

    @Override
    public synchronized boolean planned(YearMonth period, int shard, String from, String to, int count) {
        Run run = runs.get(period);
        if (!java.util.Objects.equals(run.cursors().get(shard), from)) {
            return false;
        }
        Map<Integer, String> cursors = new HashMap<>(run.cursors());
        cursors.put(shard, to == null ? DONE : to);
        runs.put(period, new Run(period, run.periodStart(), run.cutoff(), run.planned() + count, run.processed(),
                cursors, run.shardsDone() + (to == null && shard != SWEEP ? 1 : 0), run.startedAt()));
        return true;
    }

    @Override
    public synchronized Run processed(YearMonth period, PartnerId partnerId) {
        Run run = runs.get(period);
        if (run == null) {
            return null;
        }
        if (processed.computeIfAbsent(period, p -> new HashSet<>()).add(partnerId)) {
            run = new Run(period, run.periodStart(), run.cutoff(), run.planned(), run.processed() + 1,
                    run.cursors(), run.shardsDone(), run.startedAt());
            runs.put(period, run);
        }
        return run;
    }

    // queue
    @Override
    public synchronized void payPartners(YearMonth period, Instant periodStart, Instant cutoff,
                                         List<PartnerId> partners) {
        partners.forEach(p -> queue.add(new Message(period, periodStart, cutoff, p, null, false)));
    }

    @Override
    public synchronized void planShard(YearMonth period, int shard) {
        queue.add(new Message(period, null, null, null, shard, false));
    }

    @Override
    public synchronized void summarize(YearMonth period) {
        queue.add(new Message(period, null, null, null, null, true));
    }

    // mail log
    @Override
    public synchronized Optional<Entry> skip(String key, String kind, PartnerId partnerId, String to, String reason,
                                             Instant at) {
        Entry held = mailLog.get(key);
        if (held != null) {
            return Optional.of(held);
        }
        mailLog.put(key, new Entry(key, kind, partnerId, to, State.SKIPPED, null, at, null));
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Entry> claim(String key, String kind, PartnerId partnerId, String to, Instant at) {
        Entry held = mailLog.get(key);
        if (held != null) {
            return Optional.of(held);
        }
        mailLog.put(key, new Entry(key, kind, partnerId, to, State.SENDING, null, at, null));
        return Optional.empty();
    }

    @Override
    public synchronized void sent(String key, String messageId, Instant at) {
        Entry e = mailLog.get(key);
        mailLog.put(key, new Entry(key, e.kind(), e.partnerId(), e.to(), State.SENT, messageId, e.claimedAt(), at));
    }

    @Override
    public synchronized void release(String key) {
        mailLog.remove(key);
    }

    @Override
    public synchronized Optional<Entry> find(String key) {
        return Optional.ofNullable(mailLog.get(key));
    }

    // mailer
    @Override
    public synchronized String send(Letter letter) {
        sent.add(letter);
        return "msg-" + sent.size();
    }
}

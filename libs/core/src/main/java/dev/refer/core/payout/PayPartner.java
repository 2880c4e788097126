package dev.refer.core.payout;

import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.mail.StatementLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pays one partner for one period (one message of the payout run). Per currency: the unpaid entries due before the
 * period's cutoff (their holding period over: a payout takes them from pending to paid in its transaction, and those
 * that stay are approved) add up to the balance, earlier months'
 * unpaid entries included; at or above the program's minimum one payout takes them all, below it the balance carries
 * over (the entries simply stay unpaid). A voided entry is paid only with its void, never alone. Then the partner's
 * statement, once.
 *
 * <p>Two periods' runs may pay one partner at once (the scheduled run, or a redriven message of an old period, while
 * another period's run is incomplete): an entry goes to whichever payout marks it first, and the other payout is
 * left with the rest of what it read. A payout therefore closes only when the entries it actually took reach the
 * minimum ({@link PayoutBook#close}); otherwise it is withdrawn and its entries stay in the balance. Nothing is added
 * to the ordinary run: the check is the condition of the close it makes anyway.
 *
 * <p>Every step can be repeated: the payout's id is derived from partner, period and currency and created once, an
 * entry is marked paid once (a payout found OPEN is finished, one found READY is left as it is), the statement is sent
 * once ({@link SendOnce}), and the partner is counted as processed once. A partner with more entries than one
 * transaction holds is paid in batches that a redelivery resumes. A suspended partner's balance is held (carried over)
 * until reinstated.
 */
public final class PayPartner {

    public record Command(YearMonth period, Instant periodStart, Instant cutoff, PartnerId partnerId) {
    }

    /** A currency's balance that stayed below the minimum (or was held), carried over to the next run. */
    public record Carried(Currency currency, Money balance, int entries, String why) {
    }

    public record Result(List<Payout> payouts, List<Carried> carried, Map<PayoutId, SendOnce.Outcome> statements) {
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final PayoutBook book;
    private final PayeeIndex payees;
    private final PayoutRuns runs;
    private final SendOnce mail;
    private final SummarizeRun summary;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the program's time zone (PayoutTimeZone): the calendar the statement's dates are written in */
    public PayPartner(ProgramId programId, ProgramRepository programs, PartnerRepository partners, PayoutBook book,
                      PayeeIndex payees, PayoutRuns runs, SendOnce mail, SummarizeRun summary, Clock clock,
                      ZoneId zone) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.book = book;
        this.payees = payees;
        this.runs = runs;
        this.mail = mail;
        this.summary = summary;
        this.clock = clock;
        this.zone = zone;
    }

    public Result run(Command command) {
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalStateException("the program is not configured"));
        Partner partner = partners.find(command.partnerId()).orElse(null);
        List<Payout> payouts = new ArrayList<>();
        List<Carried> carried = new ArrayList<>();
        Map<PayoutId, SendOnce.Outcome> statements = new LinkedHashMap<>();
        if (partner != null) {
            pay(command, program, partner, payouts, carried, statements);
        }
        summary.ifComplete(runs.processed(command.period(), command.partnerId()));
        return new Result(payouts, carried, statements);
    }

    private void pay(Command command, Program program, Partner partner, List<Payout> payouts, List<Carried> carried,
                     Map<PayoutId, SendOnce.Outcome> statements) {
        Instant checkedAt = clock.instant();
        // entries a payout takes go from pending to paid in its transaction; the others are approved as they stay
        List<Commission> staying = new ArrayList<>();
        List<Commission> due = payable(book.dueEntries(partner.id(), command.cutoff()), command.cutoff(), staying);
        Map<Currency, List<Commission>> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Commission entry : due) {
            byCurrency.computeIfAbsent(entry.amount().currency(), c -> new ArrayList<>()).add(entry);
        }
        // a payout begun by an earlier delivery whose entries are all marked already still needs closing
        for (Payout begun : book.payoutsOf(partner.id(), command.period())) {
            byCurrency.computeIfAbsent(begun.amount().currency(), c -> new ArrayList<>());
        }
        for (Map.Entry<Currency, List<Commission>> currency : byCurrency.entrySet()) {
            PayoutId id = PayoutId.of(command.period(), currency.getKey(), partner.id());
            Payout payout = book.find(id).orElse(null);
            long minimum = Math.max(1, program.payouts().minimumFor(currency.getKey()));
            if (payout == null) {
                Money balance = currency.getValue().stream().map(Commission::amount)
                        .reduce(Money.zero(currency.getKey()), Money::plus);
                if (partner.status() != PartnerStatus.ACTIVE) {
                    staying.addAll(currency.getValue());
                    carried.add(new Carried(currency.getKey(), balance, currency.getValue().size(),
                            "partner " + partner.status().name().toLowerCase()));
                    continue;
                }
                if (balance.minor() < minimum) {
                    staying.addAll(currency.getValue());
                    carried.add(new Carried(currency.getKey(), balance, currency.getValue().size(),
                            balance.minor() < 0 ? "negative balance" : "below the minimum payout"));
                    continue;
                }
                payout = book.open(Payout.open(id, command.cutoff(), clock.instant()));
            }
            if (payout.status() == PayoutStatus.OPEN) {
                List<Commission> entries = currency.getValue();
                for (int from = 0; from < entries.size(); from += PayoutBook.MAX_BATCH) {
                    payout = book.pay(id, entries.subList(from, Math.min(entries.size(), from + PayoutBook.MAX_BATCH)),
                            clock.instant());
                }
                payout = book.close(id, minimum, clock.instant());
                if (payout.status() == PayoutStatus.OPEN) {
                    // entries read here went to another period's payout meanwhile (or were voided since): the rest
                    // is below the minimum or negative and may not be paid alone
                    book.withdraw(id, clock.instant());
                    carried.add(new Carried(currency.getKey(), payout.amount(), payout.entryCount(),
                            payout.amount().minor() < 0 ? "negative balance" : "below the minimum payout"));
                    continue;
                }
            } else {
                staying.addAll(currency.getValue()); // due after a payout already made for the period
            }
            payouts.add(payout);
            if (payout.status() != PayoutStatus.FAILED && payout.entryCount() > 0) {
                Payout paid = payout;
                statements.put(id, mail.send("statement#" + id.value(), partner.id(), "statement", partner.email(),
                        () -> statement(program, partner, paid, command)));
            }
        }
        book.approve(staying.stream().filter(entry -> entry.status() == CommissionStatus.PENDING).toList());
        if (!book.hasUnpaid(partner.id())) {
            payees.forget(partner.id(), checkedAt);
        }
    }

    /**
     * The due entries this period's payout may take. A voided entry is paid only with what takes it back (they net):
     * one voided at or after the cutoff waits for the next period, where its void (written after the cutoff) is due
     * with it, and the entries that take back a waiting entry wait with it. An entry voided after it was read here is
     * refused by {@link PayoutBook#pay}'s condition.
     */
    private static List<Commission> payable(List<Commission> due, Instant cutoff, List<Commission> waiting) {
        Set<CommissionId> held = new HashSet<>();
        for (Commission entry : due) {
            if (entry.voidedAt() != null && !entry.voidedAt().isBefore(cutoff)) {
                held.add(entry.id());
            }
        }
        if (held.isEmpty()) {
            return due;
        }
        List<Commission> payable = new ArrayList<>();
        for (Commission entry : due) {
            boolean waits = held.contains(entry.id()) || entry.reversed().map(held::contains).orElse(false);
            (waits ? waiting : payable).add(entry);
        }
        return payable;
    }

    private StatementLetter statement(Program program, Partner partner, Payout payout, Command command) {
        List<StatementLetter.Line> lines = new ArrayList<>();
        for (Commission entry : book.entriesOf(payout.id())) {
            lines.add(new StatementLetter.Line(entry.earnedAt().atZone(zone).toLocalDate(),
                    entry.kind().name(), entry.orderId(), entry.rule(), entry.amount(),
                    entry.dueAt().isBefore(command.periodStart())));
        }
        if (lines.size() < payout.entryCount()) {
            // the index that lists a payout's entries lags its writes by a moment: let the message come back
            throw new IllegalStateException("payout " + payout.id() + " lists " + lines.size() + " of its "
                    + payout.entryCount() + " entries yet");
        }
        lines.sort(Comparator.comparing(StatementLetter.Line::date));
        return new StatementLetter(partner.email(), program.payouts().locale(), partner.name(), program.id().value(),
                payout.period(), payout.id().value(), lines, payout.amount(), program.payouts().terms());
    }
}

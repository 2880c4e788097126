package dev.refer.core.portal;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutBook;
import dev.refer.core.payout.PayoutId;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A partner's money as they see it: their ledger entries, each with a state in the partner's words (pending until a
 * date, approved, paid, reversed, voided, and why), and their payouts with the entries each one paid (the statement).
 * Every read is the partner's own partition or a payout whose id names the partner: another partner's payout is not
 * found.
 */
public final class PartnerMoney {

    /** Where an entry stands for the partner. */
    public enum State {
        /** In its holding period: payable from {@link Line#pendingUntil()}. */
        PENDING,
        /** Payable: the next run pays it (with the rest of the balance, once it reaches the minimum). */
        APPROVED,
        PAID,
        /** A refund took it back (a REVERSAL entry, listed too, says why). */
        REVERSED,
        /** The program manager voided it (a VOID entry, listed too, says why). */
        VOIDED
    }

    /**
     * @param pendingUntil when a pending entry becomes payable; null otherwise
     * @param reason       why a taking-back entry exists (its rule: the refund, the manager's reason); the voiding
     *                     or reversing entry's reason for an entry taken back; otherwise null
     */
    public record Line(Commission entry, State state, Instant pendingUntil, String reason) {
    }

    public record Statement(Payout payout, List<Commission> entries) {
        public Statement {
            entries = List.copyOf(entries);
        }
    }

    private final CommissionLedger ledger;
    private final PayoutBook payouts;
    private final Clock clock;

    public PartnerMoney(CommissionLedger ledger, PayoutBook payouts, Clock clock) {
        this.ledger = ledger;
        this.payouts = payouts;
        this.clock = clock;
    }

    /** Newest first. An entry reversed by a REVERSAL on the same page says so (its own status is kept otherwise). */
    public Page<Line> commissions(PartnerId partnerId, PageRequest request) {
        Page<Commission> page = ledger.commissionsOf(partnerId, request);
        Set<String> reversed = new HashSet<>();
        java.util.Map<String, String> reasons = new java.util.HashMap<>();
        for (Commission entry : page.items()) {
            if (entry.kind().takesBack() && entry.reversed().isPresent()) {
                String target = entry.reversed().get().value();
                reasons.put(target, entry.rule());
                if (entry.kind() == CommissionKind.REVERSAL) {
                    reversed.add(target);
                }
            }
        }
        Instant now = clock.instant();
        List<Line> lines = page.items().stream().map(entry -> line(entry, now,
                reversed.contains(entry.id().value()), reasons.get(entry.id().value()))).toList();
        return new Page<>(lines, page.nextCursor());
    }

    static Line line(Commission entry, Instant now, boolean reversedOnPage, String takenBackBecause) {
        if (entry.kind().takesBack()) {
            return new Line(entry, state(entry, now), pendingUntil(entry, now), entry.rule());
        }
        if (entry.voidedAt() != null) {
            return new Line(entry, State.VOIDED, null, takenBackBecause);
        }
        if (reversedOnPage) {
            return new Line(entry, State.REVERSED, null, takenBackBecause);
        }
        return new Line(entry, state(entry, now), pendingUntil(entry, now), null);
    }

    private static State state(Commission entry, Instant now) {
        return switch (entry.status()) {
            case PAID -> State.PAID;
            case APPROVED -> State.APPROVED;
            // a pending entry past its date is payable: the next run approves and pays it
            case PENDING -> entry.dueAt().isAfter(now) ? State.PENDING : State.APPROVED;
        };
    }

    private static Instant pendingUntil(Commission entry, Instant now) {
        return entry.status() == CommissionStatus.PENDING && entry.dueAt().isAfter(now) ? entry.dueAt() : null;
    }

    public Page<Payout> payouts(PartnerId partnerId, PageRequest request) {
        return payouts.payoutsOf(partnerId, request);
    }

    /** The partner's payout and the entries it paid; empty for a malformed id or a payout of someone else. */
    public Optional<Statement> statement(PartnerId partnerId, String payoutId) {
        PayoutId id;
        try {
            id = PayoutId.parse(payoutId, "payoutId");
        } catch (Invalid e) {
            return Optional.empty();
        }
        if (!id.partnerId().equals(partnerId)) {
            return Optional.empty();
        }
        return payouts.find(id).filter(p -> p.partnerId().equals(partnerId))
                .map(p -> new Statement(p, payouts.entriesOf(id)));
    }
}

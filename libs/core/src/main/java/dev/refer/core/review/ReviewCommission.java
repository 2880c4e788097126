package dev.refer.core.review;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.conversion.Order;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadRepository;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The program manager's corrections of a ledger entry, never edits of its amount: <b>approve early</b> (a PENDING entry
 * becomes payable now, before its holding period ends) and <b>void</b> with a reason (a VOID entry takes back what is
 * left of it: for a sale, what refunds have not taken back, and its order records it so later refunds take back
 * nothing more; for a lead reward, the reward, and the lead records it so a later rejection reverses nothing). Only
 * entries that earned something can be voided; reversals and voids are corrections themselves. A voided entry is paid
 * only with its void (they net), never on its own: it cannot be approved early.
 */
public final class ReviewCommission {

    public sealed interface Result {
        record Done(Commission entry, Commission voidEntry) implements Result {
        }

        record NotFound() implements Result {
        }

        record Conflict(String why) implements Result {
        }
    }

    private static final int ATTEMPTS = 5;

    private final CommissionVoids ledger;
    private final OrderBook orders;
    private final LeadRepository leads;
    private final IdGenerator ids;
    private final Clock clock;

    public ReviewCommission(CommissionVoids ledger, OrderBook orders, LeadRepository leads, IdGenerator ids,
                            Clock clock) {
        this.ledger = ledger;
        this.orders = orders;
        this.leads = leads;
        this.ids = ids;
        this.clock = clock;
    }

    public Result approveEarly(PartnerId partnerId, CommissionId id) {
        Optional<Commission> found = ledger.find(partnerId, id);
        if (found.isEmpty()) {
            return new Result.NotFound();
        }
        Commission entry = found.get();
        if (entry.voidedAt() != null) {
            // it is paid only with its void, which is due when the entry was: approving it would pay it alone
            return new Result.Conflict("a voided entry cannot be approved");
        }
        if (entry.status() == CommissionStatus.APPROVED) {
            return new Result.Done(entry, null);
        }
        if (entry.status() != CommissionStatus.PENDING) {
            return new Result.Conflict("only a PENDING entry can be approved");
        }
        Commission approved = entry.approvedEarly(clock.instant());
        return ledger.approveEarly(approved) ? new Result.Done(approved, null)
                : new Result.Conflict("the entry changed meanwhile; read it again");
    }

    public Result voidEntry(PartnerId partnerId, CommissionId id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Invalid.field("reason", "is required, at most 500 characters");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Commission> found = ledger.find(partnerId, id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            Commission entry = found.get();
            if (entry.kind().takesBack()) {
                return new Result.Conflict("a " + entry.kind() + " entry is a correction itself and cannot be voided");
            }
            if (entry.voidedAt() != null) {
                return new Result.Done(entry, null);
            }
            Instant now = clock.instant();
            CommissionVoids.VoidWrite write;
            if (entry.kind() == CommissionKind.QUALIFIED_LEAD) {
                Lead lead = leads.find(new LeadId(entry.source())).orElse(null);
                Money left = lead == null || lead.reward() == null || !lead.reward().commissionId().equals(entry.id())
                        ? Money.zero(entry.amount().currency()) : lead.reward().amount();
                write = new CommissionVoids.VoidWrite(entry.voided(now), voidEntry(entry, left, reason, now), null,
                        null, left.isPositive() ? lead : null, left.isPositive() ? lead.withRewardVoided(now) : null);
            } else {
                Order order = entry.orderId() == null ? null
                        : orders.evidence(new Evidence.Query(null, entry.orderId(), null, null, null)).order();
                boolean ours = order != null && entry.id().equals(order.commissionId());
                Money left = ours ? order.commissionLeft() : entry.amount();
                write = new CommissionVoids.VoidWrite(entry.voided(now), voidEntry(entry, left, reason, now),
                        ours ? order : null, ours ? order.withCommissionVoided(now) : null, null, null);
            }
            if (ledger.voidEntry(write)) {
                return new Result.Done(write.voided(), write.voidEntry());
            }
        }
        return new Result.Conflict("the entry's order or lead kept changing; try again");
    }

    private Commission voidEntry(Commission entry, Money left, String reason, Instant now) {
        if (!left.isPositive()) {
            return null; // refunds took everything back already: the void only marks the entry
        }
        // payable with the entry it takes back (they net out in one payout), or at once when that one was paid
        return new Commission(new CommissionId(ids.newId()), entry.partnerId(), CommissionKind.VOID,
                CommissionStatus.PENDING, left.negate(), "voided: " + reason, entry.source(), entry.orderId(),
                entry.id(), now, entry.paid() ? now : entry.dueAt());
    }
}

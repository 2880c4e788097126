package dev.refer.core.events;

import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutStatus;

import java.util.List;

/**
 * What an item's change means: the domain events of a lead, a ledger entry or a payout written (an application's:
 * {@code ApplicationEvents}) ({@code before} null
 * when it was inserted). The rule is here, in the domain's words, so the stream adapter only reads items and the
 * subscribers only react; each change yields at most one event.
 */
public final class DomainEvents {

    private DomainEvents() {
    }

    public static List<DomainEvent> ofLead(Lead before, Lead after) {
        if (before == null) {
            return List.of(new DomainEvent.LeadCaptured(after));
        }
        // a new lead taken over by stronger evidence (or attributed at last) is the new partner's news
        boolean takenOver = after.attribution() != null && after.status() == LeadStatus.NEW
                && (before.attribution() == null
                || !before.attribution().partnerId().equals(after.attribution().partnerId()));
        if (takenOver) {
            return List.of(new DomainEvent.LeadAttributed(after,
                    before.attribution() == null ? null : before.attribution().partnerId()));
        }
        if (before.status() != after.status()) {
            return List.of(new DomainEvent.LeadReviewed(after, before.status()));
        }
        return List.of();
    }

    /** Ledger entries are written once and only their status moves: an insert is the news. */
    public static List<DomainEvent> ofCommission(Commission before, Commission after) {
        if (before != null) {
            return List.of();
        }
        if (after.kind().takesBack()) {
            return List.of(new DomainEvent.CommissionReversed(after));
        }
        return after.amount().isPositive() ? List.of(new DomainEvent.CommissionEarned(after)) : List.of();
    }

    /**
     * A payout moving to paid or to failed is the news (once: a repeated write of the same status is none). A payout
     * failed after it was marked paid by mistake is news too.
     */
    public static List<DomainEvent> ofPayout(Payout before, Payout after) {
        PayoutStatus was = before == null ? null : before.status();
        if (after.status() == was) {
            return List.of();
        }
        return switch (after.status()) {
            case PAID -> List.of(new DomainEvent.PayoutPaid(after));
            case FAILED -> List.of(new DomainEvent.PayoutFailed(after));
            case OPEN, READY -> List.of();
        };
    }
}

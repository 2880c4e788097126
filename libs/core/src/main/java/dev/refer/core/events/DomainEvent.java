package dev.refer.core.events;

import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;

/**
 * Something that happened in the program, as its subscribers hear of it: the partner notifications today, the
 * company's outbound webhooks next. Read from the table's stream in one place (the DynamoDB adapter's
 * {@code StreamEvents}), derived from an item's before and after by {@link DomainEvents}; a subscriber switches over
 * these and the compiler tells it of a new one.
 */
public sealed interface DomainEvent {

    /** A lead stored for the first time, attributed to a partner or organic ({@code lead.attribution()} null). */
    record LeadCaptured(Lead lead) implements DomainEvent {
    }

    /**
     * A stored lead, still new, taken over by stronger evidence: it is now the partner's of
     * {@code lead.attribution()}.
     *
     * @param previousPartner the partner who held it, null when it was organic
     */
    record LeadAttributed(Lead lead, PartnerId previousPartner) implements DomainEvent {
    }

    /** A lead's status changed (qualified, rejected, converted); {@code from} is what it was. */
    record LeadReviewed(Lead lead, LeadStatus from) implements DomainEvent {
    }

    /** A ledger entry that earns the partner money (positive, not a reversal) was written. */
    record CommissionEarned(Commission commission) implements DomainEvent {
    }

    /** A reversal was written: a refund or a void takes back (part of) an earlier entry. */
    record CommissionReversed(Commission reversal) implements DomainEvent {
    }

    /** A payout was marked paid. */
    record PayoutPaid(Payout payout) implements DomainEvent {
    }

    /** A payout was marked failed (the transfer bounced): its entries are due again. */
    record PayoutFailed(Payout payout) implements DomainEvent {
    }

    /** Someone applied to the program through the public form (a first application of that email). */
    record PartnerApplied(Applicant applicant) implements DomainEvent {
    }

    /** An application was approved (by the manager, or automatically): its partner is active. */
    record PartnerApproved(Applicant applicant) implements DomainEvent {
    }
}

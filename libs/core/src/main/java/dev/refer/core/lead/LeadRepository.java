package dev.refer.core.lead;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;

import java.util.List;
import java.util.Optional;

/** Leads; one per email address per program, enforced by the store. */
public interface LeadRepository {

    sealed interface Creation {
        record Created(LeadId id) implements Creation {
        }

        /** A lead with that email already exists: nothing was written. */
        record Duplicate(LeadId existing) implements Creation {
        }
    }

    /** Stores the lead, unless the email is taken. */
    Creation create(Lead lead);

    /**
     * Replaces {@code current} by {@code claimed} (the same lead, taken over by stronger evidence), its email guard
     * with it, atomically and only if the stored lead is still {@code current}'s claim and still NEW; false and
     * nothing written when another submission, a review or a conversion changed it first.
     */
    boolean takeOver(Lead current, Lead claimed);

    Optional<Lead> find(LeadId id);

    Optional<Lead> findByEmail(EmailAddress email);

    /** A partner's leads, newest first. */
    Page<Lead> leadsOf(PartnerId partnerId, PageRequest page);

    /**
     * Writes a review (new status, ledger entries it causes) atomically, only if the lead is still in
     * {@code expected} and still held by the claim it was reviewed with, and no entry a REVERSAL among
     * {@code entries} takes back was voided meanwhile (a void and a rejection never both take the reward back); false
     * and nothing written when someone else changed it first.
     */
    boolean review(Lead reviewed, LeadStatus expected, List<Commission> entries);
}

package dev.refer.core.ports;

import dev.refer.core.commission.Commission;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsDelta;

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

    /** Stores the lead and its counters atomically, unless the email is taken. {@code stats} may be null. */
    Creation create(Lead lead, StatsDelta stats);

    Optional<Lead> find(LeadId id);

    Optional<Lead> findByEmail(EmailAddress email);

    /** A partner's leads, newest first. */
    Page<Lead> leadsOf(PartnerId partnerId, PageRequest page);

    /**
     * Writes a review (new status, optional reward entry, counters) atomically, only if the lead is still in
     * {@code expected}; false and nothing written when someone else changed it first.
     */
    boolean review(Lead reviewed, LeadStatus expected, Commission reward, StatsDelta stats);
}

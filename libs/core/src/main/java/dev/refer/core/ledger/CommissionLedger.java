package dev.refer.core.ledger;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import java.util.Optional;

/**
 * A partner's commission ledger: append-only entries, never edited in amount; a correction or a refund is a new
 * entry that points at what it reverses. Entries are written with the event that causes them (a billing event, a
 * lead review), in that event's atomic unit.
 */
public interface CommissionLedger {

    /** A partner's ledger entries, newest first. */
    Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page);

    Optional<Commission> find(PartnerId partnerId, CommissionId id);

    /** Stores the early approval of a PENDING entry; false when it is no longer PENDING, or was voided meanwhile. */
    boolean approveEarly(Commission approved);
}

package dev.refer.core.deal;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What the partner and the program manager read of registrations; a partner reads only its own. */
public final class DealQueries {

    private final DealRegistry registry;
    private final Clock clock;

    public DealQueries(DealRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Page<Deal> ofPartner(PartnerId partnerId, PageRequest page) {
        return registry.ofPartner(partnerId, page);
    }

    /** The partner's registration; empty when it does not exist or is another partner's (the caller answers 404). */
    public Optional<Deal> ofPartner(PartnerId partnerId, DealId id) {
        return registry.find(id).filter(deal -> deal.partnerId().equals(partnerId));
    }

    public Optional<Deal> find(DealId id) {
        return registry.find(id);
    }

    public Page<Deal> withStatus(DealStatus status, PageRequest page) {
        return registry.withStatus(status, clock.instant(), page);
    }
}

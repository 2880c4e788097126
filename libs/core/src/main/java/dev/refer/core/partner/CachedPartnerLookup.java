package dev.refer.core.partner;

import dev.refer.core.basics.cache.TtlCache;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-environment cache of partner lookups with a short TTL, for paths that read a partner on every event (the
 * commission plan and status behind each sale). The price is staleness: a suspended partner stops earning within the
 * TTL, not at once; its commissions from that window are pending through the holding period and can be reviewed.
 * Writes go straight through and drop the cached entry. Bounded in size.
 */
public final class CachedPartnerLookup implements PartnerRepository {

    public static final int DEFAULT_MAX_PARTNERS = 100_000;

    private final PartnerRepository delegate;
    private final TtlCache<PartnerId, Optional<Partner>> cache;

    public CachedPartnerLookup(PartnerRepository delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.cache = new TtlCache<>(clock, ttl, maxEntries);
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        return cache.get(id, delegate::find);
    }

    @Override
    public boolean create(Partner partner) {
        cache.invalidate(partner.id());
        return delegate.create(partner);
    }

    @Override
    public Page<Partner> list(PageRequest page) {
        return delegate.list(page);
    }

    @Override
    public Optional<Partner> updateStatus(PartnerId id, PartnerStatus status) {
        cache.invalidate(id);
        return delegate.updateStatus(id, status);
    }
}

package dev.refer.core.partner;

import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.ports.PartnerRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-environment cache of partner lookups with a short TTL, for paths that read a partner on every event (the
 * commission plan and status behind each sale). The price is staleness: a suspended partner stops earning within the
 * TTL, not at once; its commissions from that window are pending through the holding period and can be reviewed.
 * Writes go straight through and drop the cached entry. Bounded in size.
 */
public final class CachedPartnerLookup implements PartnerRepository {

    public static final int DEFAULT_MAX_PARTNERS = 100_000;

    private record Entry(Optional<Partner> partner, long expiresAtMillis) {
    }

    private final PartnerRepository delegate;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<PartnerId, Entry> entries = new ConcurrentHashMap<>();

    public CachedPartnerLookup(PartnerRepository delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        if (ttlMillis <= 0) {
            return delegate.find(id);
        }
        long now = clock.millis();
        Entry entry = entries.get(id);
        if (entry != null && entry.expiresAtMillis > now) {
            return entry.partner;
        }
        Optional<Partner> partner = delegate.find(id);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(id, new Entry(partner, now + ttlMillis));
        return partner;
    }

    @Override
    public boolean create(Partner partner) {
        entries.remove(partner.id());
        return delegate.create(partner);
    }

    @Override
    public Page<Partner> list(PageRequest page) {
        return delegate.list(page);
    }

    @Override
    public Optional<Partner> updateStatus(PartnerId id, PartnerStatus status) {
        entries.remove(id);
        return delegate.updateStatus(id, status);
    }
}

package dev.refer.core.link;

import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LinkRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-environment cache of link lookups with a short TTL, so a hot link costs the redirect one write and no read.
 * The price is staleness: a link disabled (or a partner suspended) stops redirecting within the TTL, not at once.
 * Unknown codes are cached too, so a flood of bad codes cannot turn into a flood of reads. Bounded in size.
 */
public final class CachedLinkLookup implements LinkRepository {

    /** Bounds the cache: 50,000 links is a few MB, far below a function's memory. */
    public static final int DEFAULT_MAX_LINKS = 50_000;

    private record Entry(Optional<Link> link, long expiresAtMillis) {
    }

    private final LinkRepository delegate;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedLinkLookup(LinkRepository delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<Link> find(LinkCode code) {
        if (ttlMillis <= 0) {
            return delegate.find(code);
        }
        long now = clock.millis();
        Entry entry = entries.get(code.value());
        if (entry != null && entry.expiresAtMillis > now) {
            return entry.link;
        }
        Optional<Link> link = delegate.find(code);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(code.value(), new Entry(link, now + ttlMillis));
        return link;
    }

    @Override
    public boolean create(Link link) {
        return delegate.create(link);
    }

    @Override
    public Page<Link> linksOf(PartnerId partnerId, PageRequest page) {
        return delegate.linksOf(partnerId, page);
    }

    @Override
    public Optional<Link> setEnabled(LinkCode code, boolean enabled) {
        entries.remove(code.value());
        return delegate.setEnabled(code, enabled);
    }

    @Override
    public void setPartnerActive(PartnerId partnerId, boolean active) {
        entries.clear();
        delegate.setPartnerActive(partnerId, active);
    }
}

package dev.refer.core.link;

import dev.refer.core.cache.TtlCache;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LinkRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A per-environment cache of link lookups with a short TTL, so a hot link costs the redirect one write and no read.
 * The price is staleness: a link disabled (or a partner suspended) stops redirecting within the TTL, not at once.
 * Unknown codes are cached too, so a flood of bad codes cannot turn into a flood of reads. Bounded in size.
 */
public final class CachedLinkLookup implements LinkRepository {

    /** Bounds the cache: 50,000 links is a few MB, far below a function's memory. */
    public static final int DEFAULT_MAX_LINKS = 50_000;

    private final LinkRepository delegate;
    private final TtlCache<LinkCode, Optional<Link>> cache;
    /** Bound once: the redirect's hot path allocates nothing to consult the cache. */
    private final Function<LinkCode, Optional<Link>> load;

    public CachedLinkLookup(LinkRepository delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.cache = new TtlCache<>(clock, ttl, maxEntries);
        this.load = delegate::find;
    }

    @Override
    public Optional<Link> find(LinkCode code) {
        return cache.get(code, load);
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
        cache.invalidate(code);
        return delegate.setEnabled(code, enabled);
    }

    @Override
    public void setPartnerActive(PartnerId partnerId, boolean active) {
        cache.clear();
        delegate.setPartnerActive(partnerId, active);
    }
}

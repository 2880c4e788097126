package dev.refer.core.link;

import dev.refer.core.basics.cache.TtlCache;
import dev.refer.core.link.LinkLookup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A per-environment cache of link lookups with a short TTL, so a hot link costs the redirect one write and no read.
 * The price is staleness: a link disabled (or a partner suspended) stops redirecting within the TTL, not at once.
 * Unknown codes are cached too, so a flood of bad codes cannot turn into a flood of reads. Bounded in size.
 */
public final class CachedLinkLookup implements LinkLookup {

    /** Bounds the cache: 50,000 links is a few MB, far below a function's memory. */
    public static final int DEFAULT_MAX_LINKS = 50_000;

    private final TtlCache<LinkCode, Optional<Link>> cache;
    /** Bound once: the redirect's hot path allocates nothing to consult the cache. */
    private final Function<LinkCode, Optional<Link>> load;

    public CachedLinkLookup(LinkLookup delegate, Clock clock, Duration ttl, int maxEntries) {
        this.cache = new TtlCache<>(clock, ttl, maxEntries);
        this.load = delegate::find;
    }

    @Override
    public Optional<Link> find(LinkCode code) {
        return cache.get(code, load);
    }
}

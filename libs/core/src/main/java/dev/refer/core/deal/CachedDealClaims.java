package dev.refer.core.deal;

import dev.refer.core.basics.cache.TtlCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-environment cache of the domain guards the attribution paths read, absence included: most leads' and sales'
 * domains hold no registration, and a company's many sign-ups in a burst read its guard once. The price is staleness
 * of at most the TTL (30 s in the wirings): an approval or a rejection applies to leads and sales within the TTL, which
 * for a months-long registration is nothing; the commissions it causes are pending through the holding period anyway.
 */
public final class CachedDealClaims implements DealClaims {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_DOMAINS = 100_000;

    private final TtlCache<CompanyDomain, Optional<DealClaim>> cache;
    private final DealClaims delegate;

    public CachedDealClaims(DealClaims delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.cache = new TtlCache<>(clock, ttl, maxEntries);
    }

    @Override
    public Optional<DealClaim> claimOn(CompanyDomain domain) {
        return cache.get(domain, delegate::claimOn);
    }
}

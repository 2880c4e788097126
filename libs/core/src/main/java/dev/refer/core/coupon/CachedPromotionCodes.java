package dev.refer.core.coupon;

import dev.refer.core.basics.cache.TtlCache;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-environment cache of the ties the sales read, absence included: a promotion code shared widely is read once
 * per environment and TTL, not once per sale. A tie is never changed, so the only staleness is a new tie applying
 * within the TTL.
 */
public final class CachedPromotionCodes implements PromotionCodes {

    public static final int DEFAULT_MAX_CODES = 10_000;

    private final TtlCache<String, Optional<PromotionCode>> cache;
    private final PromotionCodes delegate;

    public CachedPromotionCodes(PromotionCodes delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.cache = new TtlCache<>(clock, ttl, maxEntries);
    }

    @Override
    public Optional<PromotionCode> find(String promotionCodeId) {
        return cache.get(promotionCodeId, delegate::find);
    }

    @Override
    public Optional<PromotionCode> tie(PromotionCode tie) {
        return delegate.tie(tie);
    }
}

package dev.refer.core.basics.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A per-environment memo with a time-to-live and a size bound, for lookups that change rarely and are read on every
 * request. Whatever the loader returns is kept, absence included (so a flood of unknown keys costs one read per key
 * per TTL). A TTL of zero turns caching off. When full, the cache starts over: simpler than LRU and enough for
 * bounds far above the working set.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> loader) {
        if (ttlMillis <= 0) {
            return loader.apply(key);
        }
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtMillis() > now) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlMillis));
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}

package dev.refer.core.terms;

import dev.refer.core.basics.cache.TtlCache;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's terms gate asks this on every signed-in request: must this partner accept the current terms before
 * anything else? The current version is cached per execution environment for a short TTL (a new version reaches the
 * gate within it); an acceptance is read with one GetItem and, once found, remembered (an acceptance is never taken
 * back), so a partner who accepted costs no read at all. A partner who has not accepted is read again each time, so
 * the gate opens at the request right after their acceptance.
 */
public final class TermsToAccept {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 100_000;

    private final TermsBook book;
    private final TtlCache<String, Optional<Terms>> current;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    public TermsToAccept(TermsBook book, Clock clock, Duration ttl) {
        this.book = book;
        this.current = new TtlCache<>(clock, ttl, 1);
    }

    /** The current terms when the partner has yet to accept them; empty when accepted or none are published. */
    public Optional<Terms> pendingFor(PartnerId partnerId) {
        Optional<Terms> terms = current.get("current", key -> book.current());
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        String key = partnerId.value() + "#" + terms.get().version();
        if (accepted.contains(key)) {
            return Optional.empty();
        }
        if (book.acceptance(partnerId, terms.get().version()).isEmpty()) {
            return terms;
        }
        if (accepted.size() >= MAX_REMEMBERED) {
            accepted.clear();
        }
        accepted.add(key);
        return Optional.empty();
    }

    /** Drops the cached current version (after this environment published one). */
    public void refresh() {
        current.clear();
    }
}

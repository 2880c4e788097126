package dev.refer.core.deal;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Optional;

/**
 * Deal registrations and their domain guards. One registration holds a domain at a time: {@link #register} writes the
 * registration and the domain's guard in one conditional write that succeeds only when the guard is absent, rejected
 * or expired at {@code now}, so two partners racing for one domain cannot both win (never read-then-write).
 */
public interface DealRegistry extends DealClaims {

    sealed interface Registration {
        record Registered(Deal deal) implements Registration {
        }

        /** The domain is held by a live registration (possibly the caller's own); nothing was written. */
        record Held(DealClaim holder) implements Registration {
        }
    }

    Registration register(Deal deal, Instant now);

    Optional<Deal> find(DealId id);

    /** A partner's registrations, newest first. */
    Page<Deal> ofPartner(PartnerId partnerId, PageRequest page);

    /**
     * The program's registrations in one status as of {@code now}: {@code PENDING} (still holding their domain,
     * soonest expiry first), {@code EXPIRED} (pending ones past their expiry, latest first), {@code APPROVED} and
     * {@code REJECTED} (latest first).
     */
    Page<Deal> withStatus(DealStatus status, Instant now, PageRequest page);

    /**
     * Approves a registration that is pending and unexpired at {@code at}, and its guard, in one write; empty when
     * it is not (any more).
     */
    Optional<Deal> approve(DealId id, Instant at, Instant newExpiry);

    /**
     * Rejects a pending or approved registration and frees its domain (when its guard is still its own), in one
     * write; empty when it is already rejected or unknown.
     */
    Optional<Deal> reject(DealId id, String reason, Instant at);
}

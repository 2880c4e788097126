package dev.refer.core.deal;

import dev.refer.core.partner.PartnerId;

import java.time.Duration;
import java.time.Instant;

/**
 * The registration that holds a domain, as the domain's guard item keeps it: who holds it, until when, and whether
 * the program manager approved it. The attribution paths read this, by a lead's or a sale's email domain.
 */
public record DealClaim(DealId dealId, PartnerId partnerId, CompanyDomain domain, DealStatus status,
                        Instant registeredAt, Instant expiresAt) {

    /** How far apart our clock and a billing system's may be (as for clicks and leads). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Whether it still holds its domain at {@code now}: pending or approved, and not expired. */
    public boolean holdsAt(Instant now) {
        return status != DealStatus.REJECTED && now.isBefore(expiresAt);
    }

    /**
     * Whether it is attribution evidence for a lead or sale at {@code at}: approved, and {@code at} within its life
     * (from its registration, less the clock skew, to its expiry). A purchase from before the registration was not
     * brought by it.
     */
    public boolean isEvidenceAt(Instant at) {
        return status == DealStatus.APPROVED && !registeredAt.isAfter(at.plus(CLOCK_SKEW)) && at.isBefore(expiresAt);
    }
}

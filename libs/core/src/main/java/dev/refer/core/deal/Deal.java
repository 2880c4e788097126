package dev.refer.core.deal;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;

/**
 * A partner's registration of a prospect company it is working on (B2B "deal registration"): the company, its
 * domain, the partner's contact there and notes for the program manager. It holds the domain for its partner while it
 * lives: {@code PENDING} until {@code expiresAt} (the program's registration period from registration), {@code APPROVED}
 * until {@code expiresAt} (the approval restarts the period, see {@link DealPolicy}); a rejection frees the domain at
 * once. Only an approved, unexpired registration is attribution evidence ({@link #claim()}).
 *
 * @param decidedAt when the program manager approved or rejected it (null while pending)
 * @param reason    the rejection's reason, shown to the partner (null otherwise)
 */
public record Deal(DealId id, PartnerId partnerId, CompanyDomain domain, String companyName, String contactName,
                   EmailAddress contactEmail, String notes, DealStatus status, Instant registeredAt,
                   Instant expiresAt, Instant decidedAt, String reason) {

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (status == DealStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived, never stored");
        }
    }

    /** The status as of {@code now}: a pending or approved registration past its expiry is {@code EXPIRED}. */
    public DealStatus statusAt(Instant now) {
        return status != DealStatus.REJECTED && !now.isBefore(expiresAt) ? DealStatus.EXPIRED : status;
    }

    /** What the domain's guard holds of it: the attribution paths read only this. */
    public DealClaim claim() {
        return new DealClaim(id, partnerId, domain, status, registeredAt, expiresAt);
    }

    public Deal approved(Instant at, Instant newExpiry) {
        return new Deal(id, partnerId, domain, companyName, contactName, contactEmail, notes, DealStatus.APPROVED,
                registeredAt, newExpiry, at, null);
    }

    public Deal rejected(Instant at, String why) {
        return new Deal(id, partnerId, domain, companyName, contactName, contactEmail, notes, DealStatus.REJECTED,
                registeredAt, expiresAt, at, why);
    }
}

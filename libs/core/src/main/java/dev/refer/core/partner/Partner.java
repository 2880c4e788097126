package dev.refer.core.partner;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.program.CommissionPlan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral partner: a person or firm that recommends the product to people it knows, under the program's terms.
 * {@code planOverride} is a per-partner agreement that replaces the program's default plan when present.
 */
public record Partner(PartnerId id, String name, EmailAddress email, String company, PartnerStatus status,
                      CommissionPlan planOverride, Instant createdAt) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Optional<CommissionPlan> plan() {
        return Optional.ofNullable(planOverride);
    }

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }

    public Partner withStatus(PartnerStatus newStatus) {
        return new Partner(id, name, email, company, newStatus, planOverride, createdAt);
    }
}

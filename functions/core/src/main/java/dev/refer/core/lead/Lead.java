package dev.refer.core.lead;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.partner.EmailAddress;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A referred prospect, one per email address per program. {@code attribution} is empty for an organic lead (no valid
 * click id or link code): stored for reporting, it earns nothing.
 */
public record Lead(LeadId id, EmailAddress email, String name, String company, String phone, String message,
                   LeadStatus status, Attribution attribution, String statusReason, Instant createdAt,
                   Instant updatedAt) {

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Optional<Attribution> attributed() {
        return Optional.ofNullable(attribution);
    }

    public Lead withStatus(LeadStatus newStatus, String reason, Instant at) {
        return new Lead(id, email, name, company, phone, message, newStatus, attribution, reason, createdAt, at);
    }
}

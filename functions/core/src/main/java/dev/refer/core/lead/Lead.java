package dev.refer.core.lead;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A referred prospect, one per email address per program. {@code attribution} is empty for an organic lead (no valid
 * click id or link code): stored for reporting, it earns nothing, and expires unless reviewed ({@code expiresAt}).
 *
 * @param reward    the lead reward entry its qualification created, if any, with what is left of it to take back
 *                  (a rejection after qualification reverses that, a void takes it; each leaves zero)
 * @param expiresAt when the store may forget an organic lead nobody reviewed; null to keep it
 */
public record Lead(LeadId id, EmailAddress email, String name, String company, String phone, String message,
                   LeadStatus status, Attribution attribution, String statusReason, Instant createdAt,
                   Instant updatedAt, Reward reward, Instant expiresAt) {

    /** The ledger entry a qualification earned: its id, amount and when it becomes payable. */
    public record Reward(CommissionId commissionId, Money amount, Instant payableOn) {

        /** Nothing left to take back: a rejection reversed it or a void took it. */
        public Reward takenBack() {
            return new Reward(commissionId, Money.zero(amount.currency()), payableOn);
        }
    }

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

    /** Its reward voided by the program manager: nothing left for a rejection to reverse. */
    public Lead withRewardVoided(Instant at) {
        return new Lead(id, email, name, company, phone, message, status, attribution, statusReason, createdAt, at,
                reward == null ? null : reward.takenBack(), expiresAt);
    }

    /** The lead after a review or a conversion: reviewed leads are kept (no expiry). */
    public Lead withStatus(LeadStatus newStatus, String reason, Reward newReward, Instant at) {
        return new Lead(id, email, name, company, phone, message, newStatus, attribution, reason, createdAt, at,
                newReward, null);
    }
}

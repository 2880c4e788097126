package dev.refer.core.lead;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.CommissionId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A referred prospect, one per email address per program. {@code attribution} is empty for an organic lead (no valid
 * click id or link code): stored for reporting, it earns nothing, and expires unless reviewed ({@code expiresAt}).
 *
 * @param reward    the lead reward entry its qualification created, if any, with what is left of it to take back
 *                  (a rejection after qualification reverses that, a void takes it; each leaves zero)
 * @param expiresAt when the store may forget an organic lead nobody reviewed; null to keep it
 * @param claims    who claimed the lead, oldest first, the last being {@code attribution}'s: the capture, then every
 *                  takeover by stronger evidence ({@link LeadClaims}); empty for a lead stored before claims were
 *                  kept (its {@link #history()} is then its capture alone)
 */
public record Lead(LeadId id, EmailAddress email, String name, String company, String phone, String message,
                   LeadStatus status, Attribution attribution, String statusReason, Instant createdAt,
                   Instant updatedAt, Reward reward, Instant expiresAt, List<Claim> claims) {

    /** The ledger entry a qualification earned: its id, amount and when it becomes payable. */
    public record Reward(CommissionId commissionId, Money amount, Instant payableOn) {

        /** Nothing left to take back: a rejection reversed it or a void took it. */
        public Reward takenBack() {
            return new Reward(commissionId, Money.zero(amount.currency()), payableOn);
        }
    }

    /**
     * One claim on the lead: the evidence a submission of the form carried ({@code attribution}, its partner, click
     * or code; null for a submission without any) and when it was made.
     */
    public record Claim(Attribution attribution, Instant at) {
        public Claim {
            Objects.requireNonNull(at, "at");
        }
    }

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A lead whose claims are its capture alone. */
    public Lead(LeadId id, EmailAddress email, String name, String company, String phone, String message,
                LeadStatus status, Attribution attribution, String statusReason, Instant createdAt,
                Instant updatedAt, Reward reward, Instant expiresAt) {
        this(id, email, name, company, phone, message, status, attribution, statusReason, createdAt, updatedAt,
                reward, expiresAt, List.of(new Claim(attribution, createdAt)));
    }

    public Optional<Attribution> attributed() {
        return Optional.ofNullable(attribution);
    }

    /** Every claim, oldest first; the last one holds the lead. */
    public List<Claim> history() {
        return claims.isEmpty() ? List.of(new Claim(attribution, createdAt)) : claims;
    }

    /** When the evidence that holds the lead was presented: its attribution window counts from here. */
    public Instant attributedAt() {
        return history().getLast().at();
    }

    /**
     * The lead taken over by stronger evidence at {@code at}: {@code credit}'s from now on, its history one claim
     * longer; an attributed lead no longer expires.
     */
    public Lead claimedBy(Attribution credit, Instant at) {
        Objects.requireNonNull(credit, "credit");
        List<Claim> longer = new ArrayList<>(history());
        longer.add(new Claim(credit, at));
        return new Lead(id, email, name, company, phone, message, status, credit, statusReason, createdAt, at,
                reward, null, longer);
    }

    /** Its reward voided by the program manager: nothing left for a rejection to reverse. */
    public Lead withRewardVoided(Instant at) {
        return new Lead(id, email, name, company, phone, message, status, attribution, statusReason, createdAt, at,
                reward == null ? null : reward.takenBack(), expiresAt, claims);
    }

    /** The lead after a review or a conversion: reviewed leads are kept (no expiry). */
    public Lead withStatus(LeadStatus newStatus, String reason, Reward newReward, Instant at) {
        return new Lead(id, email, name, company, phone, message, newStatus, attribution, reason, createdAt, at,
                newReward, null, claims);
    }
}

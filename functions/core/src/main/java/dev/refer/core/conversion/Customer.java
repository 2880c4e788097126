package dev.refer.core.conversion;

import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A billing customer (the billing system's external id), recorded at its first sale: with the partner that brought
 * it, or organic when no partner did. The first sale decides for good: the customer's renewals and later sales go to
 * the same partner (earning while the partner is active), and an organic customer stays organic whatever code a
 * later sale carries.
 *
 * @param partnerId null for an organic customer
 */
public record Customer(String externalId, PartnerId partnerId, LeadId leadId, Instant since) {

    public Customer {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(since, "since");
    }

    public Optional<PartnerId> partner() {
        return Optional.ofNullable(partnerId);
    }
}

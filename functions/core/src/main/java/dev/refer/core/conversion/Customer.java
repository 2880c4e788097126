package dev.refer.core.conversion;

import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;

/**
 * A billing customer (the billing system's external id) attributed to the partner that brought it, from its first
 * sale on; its renewals go to the same partner for as long as the plan pays them.
 */
public record Customer(String externalId, PartnerId partnerId, LeadId leadId, Instant since) {

    public Customer {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(since, "since");
    }
}

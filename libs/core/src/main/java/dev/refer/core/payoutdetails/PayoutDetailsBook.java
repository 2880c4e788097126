package dev.refer.core.payoutdetails;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Partners' payout details, one record per partner, stored sealed ({@link DetailsSealer}). */
public interface PayoutDetailsBook {

    /** What is stored: the details (opened), how many times they were set ({@code version}, from 1) and when. */
    record Stored(PayoutDetails details, long version, Instant updatedAt) {
    }

    Optional<Stored> find(PartnerId partnerId);

    /**
     * Replaces the partner's details if they are still at {@code expectedVersion} (0: none yet), as version
     * {@code expectedVersion + 1}; empty when another change got there first.
     */
    Optional<Stored> save(PartnerId partnerId, PayoutDetails details, long expectedVersion, Instant at);

    /** The details of many partners at once (the payouts CSV): absent partners have none. */
    Map<PartnerId, PayoutDetails> findAll(Collection<PartnerId> partnerIds);
}

package dev.refer.core.events;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.List;

/**
 * An application as its events tell of it: what the applicant told the public form (not the address or browser it
 * was sent from), where it stands, and the partner an approval made. Plain values, so the events depend on no
 * feature that depends on them (the onboarding's own {@code Application} is read into this by
 * {@code ApplicationEvents}).
 *
 * @param channels  the channels' wire names
 * @param status    {@code pending}, {@code approved} or {@code rejected}
 * @param partnerId the partner an approval made, null before
 * @param decidedAt when it was approved or rejected, null before
 */
public record Applicant(String applicationId, String name, String email, String company, String website,
                        String country, List<String> channels, String audience, String reference, String status,
                        PartnerId partnerId, Instant createdAt, Instant decidedAt) {

    public Applicant {
        channels = List.copyOf(channels);
    }
}

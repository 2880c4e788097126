package dev.refer.core.conversion;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.DealClaim;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.link.Click;

import java.time.Instant;

/**
 * Everything a billing event is decided on, read in one round trip: whether its event id was recorded before, the
 * order it names, the billing customer, the lead with the customer's email, the click it carries and the deal
 * registration holding the customer's company domain. Any part is null when the event does not name it or the store
 * holds none.
 */
public record Evidence(boolean eventRecorded, Order order, Customer customer, LeadEvidence lead, Click click,
                       DealClaim dealClaim) {

    /** Without a company domain read. */
    public Evidence(boolean eventRecorded, Order order, Customer customer, LeadEvidence lead, Click click) {
        this(eventRecorded, order, customer, lead, click, null);
    }

    /**
     * The lead found by email, as its email guard holds it; {@code attributedAt}: when the claim that holds it was
     * made (its capture, or the takeover by stronger evidence), from which its window counts.
     */
    public record LeadEvidence(LeadId id, EmailAddress email, LeadStatus status, Attribution attribution,
                               Instant attributedAt) {
    }

    /**
     * What to read: only the non-null parts are read. {@code dealDomain}: the buyer's company domain
     * ({@link dev.refer.core.attribution.AttributionPolicy#dealDomainOf}), whose deal registration is read with the
     * rest ({@link #dealClaim}).
     */
    public record Query(String eventId, String orderId, String customerExternalId, EmailAddress email,
                        dev.refer.core.link.ClickId clickId, CompanyDomain dealDomain) {

        /** Without a company domain. */
        public Query(String eventId, String orderId, String customerExternalId, EmailAddress email,
                     dev.refer.core.link.ClickId clickId) {
            this(eventId, orderId, customerExternalId, email, clickId, null);
        }
    }
}

package dev.refer.core.partner;


import java.util.Optional;

/**
 * Approve, suspend or reinstate a partner. The status is copied onto the partner's links, so a suspended partner's
 * links stop redirecting (within the redirect's cache TTL) and no new lead or sale is attributed to it.
 */
public final class ChangePartnerStatus {

    private final PartnerRepository partners;
    private final PartnerLinks links;

    public ChangePartnerStatus(PartnerRepository partners, PartnerLinks links) {
        this.partners = partners;
        this.links = links;
    }

    /** Empty when there is no such partner. */
    public Optional<Partner> change(PartnerId id, PartnerStatus status) {
        Optional<Partner> updated = partners.updateStatus(id, status);
        updated.ifPresent(partner -> links.setPartnerActive(id, partner.isActive()));
        return updated;
    }
}

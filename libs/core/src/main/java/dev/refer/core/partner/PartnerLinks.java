package dev.refer.core.partner;

/**
 * What a partner's status change needs of its links (the link store implements it): the partner feature names the
 * port, so it does not depend on the link feature, which depends on it.
 */
public interface PartnerLinks {

    /** Copies the partner's status onto each of its links, so the redirect needs no second read. */
    void setPartnerActive(PartnerId partnerId, boolean active);
}

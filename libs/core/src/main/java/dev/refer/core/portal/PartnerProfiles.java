package dev.refer.core.portal;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/** What a partner may change about themselves: the name and the company, never the email, status or plan. */
public interface PartnerProfiles {

    /** The partner with its new name and company; empty when there is no such partner (nothing created). */
    Optional<Partner> rename(PartnerId partnerId, String name, String company);
}

package dev.refer.core.link;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerLinks;

import java.util.Optional;

/** Short links by code; codes are unique across the table. */
public interface LinkRepository extends LinkLookup, PartnerLinks {

    /** Stores a new link; false (and nothing stored) when the code is taken. */
    boolean create(Link link);

    @Override
    Optional<Link> find(LinkCode code);

    /** A partner's links, newest first. */
    Page<Link> linksOf(PartnerId partnerId, PageRequest page);

    /** Enables or disables a link; empty when there is no such link. */
    Optional<Link> setEnabled(LinkCode code, boolean enabled);

    /** Copies the partner's status onto each of its links, so the redirect needs no second read. */
    @Override
    void setPartnerActive(PartnerId partnerId, boolean active);
}

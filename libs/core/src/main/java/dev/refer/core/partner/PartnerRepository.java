package dev.refer.core.partner;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;

import java.util.Optional;

/** Partners of the program; one partner per email address. */
public interface PartnerRepository {

    /** Stores a new partner; false (and nothing stored) when a partner with that email already exists. */
    boolean create(Partner partner);

    Optional<Partner> find(PartnerId id);

    /** Newest first. */
    Page<Partner> list(PageRequest page);

    /** Sets the status; empty when there is no such partner. */
    Optional<Partner> updateStatus(PartnerId id, PartnerStatus status);
}

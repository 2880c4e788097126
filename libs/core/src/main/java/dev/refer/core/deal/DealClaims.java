package dev.refer.core.deal;

import java.util.Optional;

/** The registration holding a domain, if any: one key read (the domain's guard), for the attribution paths. */
public interface DealClaims {

    /** Used where no deal registration applies (and by tests of the paths before it). */
    DealClaims NONE = domain -> Optional.empty();

    Optional<DealClaim> claimOn(CompanyDomain domain);
}

package dev.refer.core.partnerimport;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.CommissionPlan;

import java.util.Optional;

/** What an import may change on a stored partner besides its status: its name, company and own plan. */
public interface PartnerDetails {

    /**
     * Sets the name, the company (null removes it) and the plan override (null: the program's default plan); empty
     * when there is no such partner (nothing created).
     */
    Optional<Partner> update(PartnerId id, String name, String company, CommissionPlan planOverride);
}

package dev.refer.core.portal;

import dev.refer.core.basics.validation.Rules;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/** A signed-in partner corrects their name or company. The email is who they are (sign-in), so it is not theirs to edit. */
public final class EditProfile {

    public static final int MAX_NAME = 100;
    public static final int MAX_COMPANY = 100;

    public record Command(PartnerId partnerId, String name, String company) {
        public Command {
            Rules rules = Rules.check();
            name = Rules.text(name);
            company = Rules.text(company);
            rules.require(name != null, "name", "is required");
            rules.maxLength(name, MAX_NAME, "name");
            rules.maxLength(company, MAX_COMPANY, "company");
            rules.require(name == null || name.codePoints().noneMatch(Character::isISOControl), "name",
                    "must not contain control characters");
            rules.require(company == null || company.codePoints().noneMatch(Character::isISOControl), "company",
                    "must not contain control characters");
            rules.orThrow();
        }
    }

    private final PartnerProfiles profiles;

    public EditProfile(PartnerProfiles profiles) {
        this.profiles = profiles;
    }

    public Optional<Partner> edit(Command command) {
        return profiles.rename(command.partnerId(), command.name(), command.company());
    }
}

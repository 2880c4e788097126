package dev.refer.core.partner;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.CommissionPlan;

import java.time.Clock;

/** The program manager adds a partner it chose (a customer or contact), active at once unless said otherwise. */
public final class CreatePartner {

    public record Command(String name, EmailAddress email, String company, PartnerStatus status,
                          CommissionPlan planOverride) {
        public Command {
            name = Rules.text(name);
            company = Rules.text(company);
            Rules.check()
                    .require(name != null, "name", "is required")
                    .maxLength(name, 200, "name")
                    .maxLength(company, 200, "company")
                    .require(status != PartnerStatus.SUSPENDED, "status", "a new partner is PENDING or ACTIVE")
                    .orThrow();
            status = status == null ? PartnerStatus.ACTIVE : status;
        }
    }

    public sealed interface Result {
        record Created(Partner partner) implements Result {
        }

        record EmailTaken() implements Result {
        }
    }

    private final PartnerRepository partners;
    private final IdGenerator ids;
    private final Clock clock;

    public CreatePartner(PartnerRepository partners, IdGenerator ids, Clock clock) {
        this.partners = partners;
        this.ids = ids;
        this.clock = clock;
    }

    public Result create(Command command) {
        return create(command, new PartnerId(ids.newId()));
    }

    /**
     * A partner with an id chosen by the caller: an approved application's, so that approving it twice finds the
     * partner the first approval made (the second answers {@link Result.EmailTaken}) instead of making another.
     */
    public Result create(Command command, PartnerId id) {
        Partner partner = new Partner(id, command.name(), command.email(), command.company(), command.status(),
                command.planOverride(), clock.instant());
        return partners.create(partner) ? new Result.Created(partner) : new Result.EmailTaken();
    }
}

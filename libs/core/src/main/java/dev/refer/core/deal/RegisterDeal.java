package dev.refer.core.deal;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A partner registers a prospect company it is working on. One live registration per company domain: the
 * registration and the domain's guard are written together on condition that no other live registration holds the
 * domain ({@link DealRegistry#register}); a second partner is refused with who-holds-it left unsaid (the holder's
 * identity is not the second partner's business), the same partner registering again gets its registration back
 * (idempotent: a double-submitted form registers once). Free-mail domains name no company and are refused
 * ({@link FreeMailDomains}). The registration lives for the program's registration period ({@link DealSettings}).
 */
public final class RegisterDeal {

    public record Command(PartnerId partnerId, String companyName, String domain, String contactName,
                          String contactEmail, String notes) {
        public Command {
            Objects.requireNonNull(partnerId, "partnerId");
            companyName = Rules.text(companyName);
            domain = Rules.text(domain);
            contactName = Rules.text(contactName);
            contactEmail = Rules.text(contactEmail);
            notes = Rules.text(notes);
        }
    }

    /** The command's fields, checked: what is stored. */
    private record Checked(String companyName, CompanyDomain domain, String contactName, EmailAddress contactEmail,
                           String notes) {
    }

    public sealed interface Result {
        record Registered(Deal deal) implements Result {
        }

        /** The partner's own live registration of that domain (a repeated registration changes nothing). */
        record AlreadyYours(Deal deal) implements Result {
        }

        /** Another partner's live registration holds the domain. */
        record DomainTaken(CompanyDomain domain) implements Result {
        }

        record FreeMailDomain(CompanyDomain domain) implements Result {
        }

        record PartnerNotActive() implements Result {
        }
    }

    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 2000;

    private final DealRegistry registry;
    private final DealSettings settings;
    private final PartnerRepository partners;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterDeal(DealRegistry registry, DealSettings settings, PartnerRepository partners, IdGenerator ids,
                        Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.partners = partners;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws dev.refer.core.basics.validation.Invalid naming each field that breaks a rule; nothing is stored */
    public Result register(Command command) {
        Checked checked = check(command);
        if (FreeMailDomains.isFreeMail(checked.domain().value())) {
            return new Result.FreeMailDomain(checked.domain());
        }
        if (partners.find(command.partnerId()).filter(Partner::isActive).isEmpty()) {
            return new Result.PartnerNotActive();
        }
        Instant now = clock.instant();
        Deal deal = new Deal(new DealId(ids.newId()), command.partnerId(), checked.domain(), checked.companyName(),
                checked.contactName(), checked.contactEmail(), checked.notes(), DealStatus.PENDING, now,
                now.plus(settings.registrationPeriod()), null, null);
        return switch (registry.register(deal, now)) {
            case DealRegistry.Registration.Registered registered -> new Result.Registered(registered.deal());
            case DealRegistry.Registration.Held held -> held.holder().partnerId().equals(command.partnerId())
                    ? registry.find(held.holder().dealId()).<Result>map(Result.AlreadyYours::new)
                    .orElseGet(() -> new Result.DomainTaken(checked.domain()))
                    : new Result.DomainTaken(checked.domain());
        };
    }

    private static Checked check(Command c) {
        Rules rules = Rules.check()
                .require(c.companyName() != null, "companyName", "is required")
                .maxLength(c.companyName(), MAX_NAME, "companyName")
                .maxLength(c.contactName(), MAX_NAME, "contactName")
                .maxLength(c.notes(), MAX_NOTES, "notes")
                .maxLength(c.domain(), 253, "domain");
        rules.require(c.domain() != null, "domain", "is required");
        CompanyDomain domain = c.domain() == null || c.domain().length() > 253 ? null
                : rules.value("domain", () -> new CompanyDomain(c.domain()));
        EmailAddress contact = c.contactEmail() == null ? null
                : rules.value("contactEmail", () -> new EmailAddress(c.contactEmail()));
        rules.orThrow();
        return new Checked(c.companyName(), domain, c.contactName(), contact, c.notes());
    }
}

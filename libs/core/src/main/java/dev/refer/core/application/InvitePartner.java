package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.link.Link;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

/**
 * The program manager invites a partner they chose: the partner is made active at once ({@link CreatePartner}, with
 * an optional plan of their own) with a first link ({@link FirstLink}), and an invitation says how to sign in. The
 * partner accepts the terms at their first sign-in, like everyone.
 */
public final class InvitePartner {

    public record Command(String name, EmailAddress email, String company, CommissionPlan planOverride) {
    }

    public sealed interface Result {
        /** @param firstLink null when the program names no destination a link may send to */
        record Invited(Partner partner, Link firstLink) implements Result {
        }

        record EmailTaken() implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final ApplicationBook book;
    private final CreatePartner createPartner;
    private final FirstLink firstLink;
    private final OnboardingMail mail;

    public InvitePartner(ProgramId programId, ProgramRepository programs, ApplicationBook book,
                         CreatePartner createPartner, FirstLink firstLink, OnboardingMail mail) {
        this.programId = programId;
        this.programs = programs;
        this.book = book;
        this.createPartner = createPartner;
        this.firstLink = firstLink;
        this.mail = mail;
    }

    public Result invite(Command command) {
        CreatePartner.Command create = new CreatePartner.Command(command.name(), command.email(), command.company(),
                PartnerStatus.ACTIVE, command.planOverride());
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        return switch (createPartner.create(create)) {
            case CreatePartner.Result.EmailTaken ignored -> new Result.EmailTaken();
            case CreatePartner.Result.Created created -> {
                Link link = firstLink.makeFor(created.partner().id(), program, book.settings())
                        instanceof FirstLink.Result.Made made ? made.link() : null;
                mail.invited(created.partner().id());
                yield new Result.Invited(created.partner(), link);
            }
        };
    }
}

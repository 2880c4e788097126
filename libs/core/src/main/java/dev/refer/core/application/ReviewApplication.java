package dev.refer.core.application;

import dev.refer.core.basics.validation.Rules;
import dev.refer.core.link.Link;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.TermsBook;

import java.time.Clock;
import java.util.Optional;

/**
 * The program manager decides an application (or the program does, when it approves automatically). Approval makes
 * an active partner ({@link CreatePartner}, with the application's id) with a first link ({@link FirstLink}), records
 * the terms the applicant accepted as the partner's acceptance (when, from where, with which browser), and has the
 * welcome sent. Every step finds what an earlier try did, so approving twice makes one partner, one first link and
 * one welcome email. Rejection keeps the reason and has a courteous email sent. A decision is final: an approved
 * application is not rejected, nor a rejected one approved.
 */
public final class ReviewApplication {

    public sealed interface Approval {
        /** @param firstLink null when the program names no destination a link may send to (the manager can add one) */
        record Approved(Application application, Link firstLink) implements Approval {
        }

        record NotFound() implements Approval {
        }

        record AlreadyRejected(Application application) implements Approval {
        }

        /** The address belongs to a partner already (added meanwhile by the admin API): no second partner. */
        record EmailIsAPartner(Application application, PartnerId partnerId) implements Approval {
        }

        record ProgramNotConfigured() implements Approval {
        }
    }

    public sealed interface Rejection {
        record Rejected(Application application) implements Rejection {
        }

        record NotFound() implements Rejection {
        }

        record AlreadyApproved(Application application) implements Rejection {
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final ApplicationBook book;
    private final PartnerEmails partnerEmails;
    private final CreatePartner createPartner;
    private final FirstLink firstLink;
    private final TermsBook terms;
    private final OnboardingMail mail;
    private final Clock clock;

    public ReviewApplication(ProgramId programId, ProgramRepository programs, ApplicationBook book,
                             PartnerEmails partnerEmails, CreatePartner createPartner, FirstLink firstLink,
                             TermsBook terms, OnboardingMail mail, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.book = book;
        this.partnerEmails = partnerEmails;
        this.createPartner = createPartner;
        this.firstLink = firstLink;
        this.terms = terms;
        this.mail = mail;
        this.clock = clock;
    }

    public Approval approve(ApplicationId id) {
        Application application = book.find(id).orElse(null);
        if (application == null) {
            return new Approval.NotFound();
        }
        if (application.status() == ApplicationStatus.REJECTED) {
            return new Approval.AlreadyRejected(application);
        }
        PartnerId partnerId = application.partnerIdToBe();
        Optional<PartnerId> holder = partnerEmails.partnerOf(application.email());
        if (holder.isPresent() && !holder.get().equals(partnerId)) {
            return new Approval.EmailIsAPartner(application, holder.get());
        }
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Approval.ProgramNotConfigured();
        }
        if (application.status() == ApplicationStatus.PENDING) {
            // the decision first: of an approval and a rejection at the same time, one wins, and only it acts
            if (!book.decide(application.approved(clock.instant()))) {
                Application now = book.find(id).orElseThrow();
                if (now.status() == ApplicationStatus.REJECTED) {
                    return new Approval.AlreadyRejected(now);
                }
            }
            application = book.find(id).orElseThrow();
        }
        // from here each step finds what an earlier approval did: the partner by its id, the link by its code
        createPartner.create(new CreatePartner.Command(application.name(), application.email(),
                application.company(), PartnerStatus.ACTIVE, null), partnerId);
        Link link = switch (firstLink.makeFor(partnerId, program, book.settings())) {
            case FirstLink.Result.Made made -> made.link();
            case FirstLink.Result.NoDestination ignored -> null;
            case FirstLink.Result.ProgramNotConfigured ignored -> null;
        };
        if (application.termsVersion() != null) {
            // the applicant accepted this version on the form: the partner's acceptance, with its evidence
            terms.accept(new Acceptance(partnerId, application.termsVersion(), application.submittedAt(),
                    application.ip(), application.userAgent()));
        }
        mail.decided(id);
        return new Approval.Approved(application, link);
    }

    /** @param reason what the applicant reads: required, at most 2,000 characters */
    public Rejection reject(ApplicationId id, String reason) {
        String why = Rules.text(reason);
        Rules.check().require(why != null, "reason", "is required: the applicant reads it")
                .maxLength(why, 2_000, "reason").orThrow();
        Application application = book.find(id).orElse(null);
        if (application == null) {
            return new Rejection.NotFound();
        }
        if (application.status() == ApplicationStatus.APPROVED) {
            return new Rejection.AlreadyApproved(application);
        }
        if (application.status() == ApplicationStatus.PENDING
                && !book.decide(application.rejected(why, clock.instant()))) {
            application = book.find(id).orElseThrow();
            if (application.status() == ApplicationStatus.APPROVED) {
                return new Rejection.AlreadyApproved(application);
            }
        }
        Application rejected = book.find(id).orElseThrow();
        mail.decided(id); // a second rejection asks again; the send log keeps it to one email
        return new Rejection.Rejected(rejected);
    }
}

package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.mail.ApplicationReceiptLetter;
import dev.refer.core.mail.ApplicationRejectedLetter;
import dev.refer.core.mail.InvitationLetter;
import dev.refer.core.mail.NewApplicationLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.mail.WelcomeLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the onboarding emails (the mail worker's part of {@link OnboardingMail}), each at most once through the send
 * log, transactional (an address that bounced gets nothing): the applicant's receipt and the program manager's notice
 * ({@code application-receipt#{id}}, {@code application-new#{id}}), the welcome ({@code welcome#{partnerId}}), the
 * rejection ({@code application-rejected#{id}}) and the invitation ({@code invitation#{partnerId}}). The manager is
 * the communications settings' sales address, else the payout settings' manager, as for sales alerts.
 */
public final class OnboardingLetters {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final LinkRepository links;
    private final ApplicationBook book;
    private final CommsSettingsRepository settings;
    private final SendOnce transactional;
    private final String baseUrl;

    /** @param baseUrl the API's public address: sign-in and link addresses start with it */
    public OnboardingLetters(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                             LinkRepository links, ApplicationBook book, CommsSettingsRepository settings,
                             SendOnce transactional, String baseUrl) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.links = links;
        this.book = book;
        this.settings = settings;
        this.transactional = transactional;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The receipt (while the application waits) and the manager's notice; what each came to, for logs. */
    public List<String> received(ApplicationId id) {
        Application application = book.find(id).orElse(null);
        if (application == null) {
            return List.of("NO_APPLICATION");
        }
        Program program = program();
        CommsSettings written = settings.find();
        String programName = written.programNameOr(programId.value());
        List<String> outcomes = new ArrayList<>();
        if (application.status() == ApplicationStatus.PENDING) {
            outcomes.add("receipt:" + transactional.send("application-receipt#" + id.value(), null,
                    "application-receipt", application.email(), () -> new ApplicationReceiptLetter(
                            application.email(), program.payouts().locale(), programName)));
        }
        EmailAddress manager = written.salesEmail() != null ? written.salesEmail() : program.payouts().managerEmail();
        if (manager == null) {
            outcomes.add("notice:NOBODY_TO_TELL");
        } else {
            outcomes.add("notice:" + transactional.send("application-new#" + id.value(), null, "application-new",
                    manager, () -> new NewApplicationLetter(manager, program.payouts().locale(), programName,
                            id.value(), application.name(), application.email().value(), application.company(),
                            application.website(), application.country(),
                            application.channels().stream().map(Channel::wireName).toList(),
                            application.audience(), application.reference(),
                            application.status() == ApplicationStatus.APPROVED)));
        }
        return outcomes;
    }

    /** The welcome of an approved application, or the rejection; nothing for one still pending. */
    public String decided(ApplicationId id) {
        Application application = book.find(id).orElse(null);
        if (application == null) {
            return "NO_APPLICATION";
        }
        Program program = program();
        String programName = settings.find().programNameOr(programId.value());
        return switch (application.status()) {
            case PENDING -> "PENDING";
            case REJECTED -> transactional.send("application-rejected#" + id.value(), null, "application-rejected",
                    application.email(), () -> new ApplicationRejectedLetter(application.email(),
                            program.payouts().locale(), programName, application.reason())).name();
            case APPROVED -> {
                Partner partner = partners.find(application.partnerId()).orElse(null);
                if (partner == null) {
                    yield "PARTNER_GONE";
                }
                yield transactional.send("welcome#" + partner.id().value(), partner.id(), "welcome",
                        partner.email(), () -> new WelcomeLetter(partner.email(), program.payouts().locale(),
                                programName, partner.name(), baseUrl + "/portal/signin", firstLinkUrl(partner.id()),
                                settings.find().material())).name();
            }
        };
    }

    public String invited(PartnerId partnerId) {
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return "PARTNER_GONE";
        }
        Program program = program();
        CommsSettings written = settings.find();
        return transactional.send("invitation#" + partnerId.value(), partnerId, "invitation", partner.email(),
                () -> new InvitationLetter(partner.email(), program.payouts().locale(),
                        written.programNameOr(programId.value()), partner.name(),
                        baseUrl + "/portal/signin?email=" + URLEncoder.encode(partner.email().value(),
                                StandardCharsets.UTF_8), firstLinkUrl(partnerId), written.material())).name();
    }

    /** The new partner's link: its only one, so the newest. */
    private String firstLinkUrl(PartnerId partnerId) {
        List<Link> first = links.linksOf(partnerId, PageRequest.first(1)).items();
        return first.isEmpty() ? null : baseUrl + "/" + first.getFirst().code().value();
    }

    private Program program() {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

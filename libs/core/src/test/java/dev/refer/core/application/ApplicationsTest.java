package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.link.Link;
import dev.refer.core.mail.ApplicationReceiptLetter;
import dev.refer.core.mail.ApplicationRejectedLetter;
import dev.refer.core.mail.InvitationLetter;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.NewApplicationLetter;
import dev.refer.core.mail.WelcomeLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.terms.Acceptance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationsTest {

    private final OnboardingFixture f = new OnboardingFixture().publish("v1");

    private Application only() {
        assertEquals(1, f.applications.applications.size());
        return f.applications.applications.values().iterator().next();
    }

    @Test
    void anApplication_isStoredPending_withTheTermsItAccepted_andTheManagerAndApplicantAreTold() {
        var result = f.submit.submit(OnboardingFixture.form("Grace@Hopper.example", "v1"));

        assertEquals(SubmitApplication.Outcome.NEW, result.outcome());
        Application stored = only();
        assertEquals(new EmailAddress("grace@hopper.example"), stored.email());
        assertEquals(ApplicationStatus.PENDING, stored.status());
        assertEquals("US", stored.country());
        assertEquals(List.of(Channel.NEWSLETTER, Channel.CONSULTING), stored.channels());
        assertEquals("v1", stored.termsVersion());
        assertEquals("203.0.113.9", stored.ip());
        assertEquals(List.of("received:" + stored.id().value()), f.applications.mail);
    }

    @Test
    void aSecondSubmission_updatesThePendingOne_neverASecond() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        Application first = only();
        f.comms.clock.advance(Duration.ofMinutes(5));
        var again = f.submit.submit(new SubmitApplication.Command("Grace B. Hopper", "grace@hopper.example", null,
                null, "GB", List.of("podcast"), "Engineers", "Ada", "v1", true, null, null, null));

        assertEquals(SubmitApplication.Outcome.UPDATED, again.outcome());
        Application updated = only();
        assertEquals(first.id(), updated.id());
        assertEquals("Grace B. Hopper", updated.name());
        assertEquals(first.createdAt(), updated.createdAt());
        assertEquals(f.comms.clock.instant(), updated.submittedAt());
        assertEquals(1, f.applications.mail.size(), "the receipt and notice are for the application, once");
    }

    @Test
    void theHoneypot_isAnsweredLikeAnyone_andNothingIsStoredOrSent() {
        var form = OnboardingFixture.form("bot@spam.example", "v1");
        var bot = new SubmitApplication.Command(form.name(), form.email(), form.company(), form.website(),
                form.country(), form.channels(), form.audience(), form.reference(), form.termsVersion(), true,
                "555-0100", null, null);

        assertEquals(SubmitApplication.Outcome.HONEYPOT, f.submit.submit(bot).outcome());
        assertTrue(f.applications.applications.isEmpty());
        assertTrue(f.applications.mail.isEmpty());
    }

    @Test
    void theTerms_mustBeAccepted_inTheirCurrentVersion_elseNothingIsStored() {
        var old = assertThrows(Invalid.class, () -> f.submit.submit(OnboardingFixture.form("g@h.example", "v0")));
        assertEquals(List.of("termsVersion"), old.violations().stream().map(Invalid.Violation::field).toList());

        var form = OnboardingFixture.form("g@h.example", "v1");
        var unticked = assertThrows(Invalid.class, () -> f.submit.submit(new SubmitApplication.Command(form.name(),
                form.email(), null, null, "DE", List.of("blog"), "Readers", null, "v1", false, null, null, null)));
        assertEquals(List.of("acceptTerms"), unticked.violations().stream().map(Invalid.Violation::field).toList());
        assertTrue(f.applications.applications.isEmpty());
        assertTrue(f.applications.mail.isEmpty());
    }

    @Test
    void withoutPublishedTerms_thereIsNothingToAccept() {
        OnboardingFixture none = new OnboardingFixture();
        var form = OnboardingFixture.form("g@h.example", null);
        none.submit.submit(new SubmitApplication.Command(form.name(), form.email(), null, null, "DE",
                List.of("blog"), "Readers", null, null, false, null, null, null));
        assertNull(none.applications.applications.values().iterator().next().termsVersion());
    }

    @Test
    void everyFieldIsChecked_andEachViolationNamed() {
        var invalid = assertThrows(Invalid.class, () -> new SubmitApplication.Command("Line\nbreak", "not-an-email",
                "Co\u0000", "javascript:alert(1)", "Narnia", List.of("carrier-pigeon"), " ", "x".repeat(201), "v1",
                true, null, null, null));
        Set<String> fields = invalid.violations().stream().map(Invalid.Violation::field).collect(Collectors.toSet());
        assertEquals(Set.of("email", "name", "company", "website", "country", "channels", "audience", "reference"),
                fields, invalid.violations().toString());
        var missing = assertThrows(Invalid.class, () -> new SubmitApplication.Command(null, null, null, null, null,
                null, null, null, null, false, null, null, null));
        assertEquals(Set.of("email", "name", "country", "channels", "audience"), missing.violations().stream()
                .map(Invalid.Violation::field).collect(Collectors.toSet()));
        var many = assertThrows(Invalid.class, () -> new SubmitApplication.Command("A", "a@b.example", null, null,
                "DE", java.util.Collections.nCopies(10_000, "x"), "R", null, null, false, null, null, null));
        assertEquals(1, many.violations().size(), "a flood of values is one violation: " + many.violations());
    }

    @Test
    void anAddressThatIsAPartnerAlready_isAnsweredLikeAnyone_butMakesNoApplication() {
        var result = f.submit.submit(OnboardingFixture.form(f.comms.ada.email().value(), "v1"));

        assertEquals(SubmitApplication.Outcome.ALREADY_A_PARTNER, result.outcome());
        assertTrue(f.applications.applications.isEmpty());
        assertTrue(f.applications.mail.isEmpty());
    }

    @Test
    void approval_makesOneActivePartner_withAFirstLink_andTheTermsAcceptance_howeverOftenItIsAsked() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        Application application = only();
        f.comms.clock.advance(Duration.ofHours(1));

        var approved = assertInstanceOf(ReviewApplication.Approval.Approved.class,
                f.review.approve(application.id()));
        var again = assertInstanceOf(ReviewApplication.Approval.Approved.class, f.review.approve(application.id()));

        PartnerId partnerId = new PartnerId(application.id().value());
        Partner partner = f.comms.store.partners.get(partnerId);
        assertEquals(PartnerStatus.ACTIVE, partner.status());
        assertEquals("Grace Hopper", partner.name());
        assertEquals("Hopper & Co", partner.company());
        assertEquals(2, f.comms.store.partners.size(), "Ada and Grace: one new partner");
        List<Link> links = f.comms.store.links.values().stream().filter(l -> l.partnerId().equals(partnerId))
                .toList();
        assertEquals(1, links.size());
        assertEquals("https://www.example.com/", links.getFirst().destination().toString(),
                "the program's site: its first allowed form origin");
        assertEquals(approved.firstLink(), again.firstLink());
        assertEquals(ApplicationStatus.APPROVED, f.applications.applications.get(application.id()).status());
        assertEquals(new Acceptance(partnerId, "v1", application.submittedAt(), "203.0.113.9", "Mozilla/5.0"),
                f.terms.acceptances.values().iterator().next(), "the form's acceptance, with its evidence");

        f.letters.decided(application.id());
        f.letters.decided(application.id());
        List<Letter> welcomes = sent(WelcomeLetter.class);
        assertEquals(1, welcomes.size(), "approving twice sends one welcome");
        WelcomeLetter welcome = (WelcomeLetter) welcomes.getFirst();
        assertEquals("https://api.example/portal/signin", welcome.signInUrl());
        assertEquals("https://api.example/" + links.getFirst().code().value(), welcome.linkUrl());
    }

    @Test
    void rejection_keepsTheReason_isFinal_andSendsOneCourteousEmail() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        ApplicationId id = only().id();

        assertThrows(Invalid.class, () -> f.review.reject(id, " "));
        var rejected = assertInstanceOf(ReviewApplication.Rejection.Rejected.class,
                f.review.reject(id, "Not a fit for now."));
        assertEquals("Not a fit for now.", rejected.application().reason());
        assertInstanceOf(ReviewApplication.Rejection.Rejected.class, f.review.reject(id, "Again"));
        assertEquals("Not a fit for now.", only().reason(), "the first decision stands");
        assertInstanceOf(ReviewApplication.Approval.AlreadyRejected.class, f.review.approve(id));
        assertEquals(1, f.comms.store.partners.size());

        f.letters.decided(id);
        f.letters.decided(id);
        List<Letter> noes = sent(ApplicationRejectedLetter.class);
        assertEquals(1, noes.size());
        assertEquals("Not a fit for now.", ((ApplicationRejectedLetter) noes.getFirst()).reason());

        var resubmitted = f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        assertEquals(SubmitApplication.Outcome.DECIDED_BEFORE, resubmitted.outcome());
        assertEquals(ApplicationStatus.REJECTED, only().status());
    }

    @Test
    void anApprovedApplication_isNotRejected() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        ApplicationId id = only().id();
        f.review.approve(id);
        assertInstanceOf(ReviewApplication.Rejection.AlreadyApproved.class, f.review.reject(id, "No"));
        assertInstanceOf(ReviewApplication.Rejection.NotFound.class,
                f.review.reject(new ApplicationId("01JC0000000000000000009999"), "No"));
        assertInstanceOf(ReviewApplication.Approval.NotFound.class,
                f.review.approve(new ApplicationId("01JC0000000000000000009999")));
    }

    @Test
    void anAddressThatBecameAPartnerMeanwhile_isNotMadeASecondPartner() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        ApplicationId id = only().id();
        Partner added = Fixtures.activePartner("01JB0000000000000000000009", "grace@hopper.example");
        f.comms.store.partners.put(added.id(), added);

        var result = assertInstanceOf(ReviewApplication.Approval.EmailIsAPartner.class, f.review.approve(id));
        assertEquals(added.id(), result.partnerId());
        assertEquals(ApplicationStatus.PENDING, only().status());
        assertEquals(2, f.comms.store.partners.size());
    }

    @Test
    void aProgramThatApprovesAutomatically_approvesOnSubmission() {
        f.applications.settings = new OnboardingSettings(true, "https://example.com/partners");
        var result = f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));

        assertEquals(SubmitApplication.Outcome.APPROVED_AUTOMATICALLY, result.outcome());
        assertEquals(ApplicationStatus.APPROVED, only().status());
        assertEquals("https://example.com/partners", f.comms.store.links.values().stream()
                .filter(l -> l.partnerId().value().equals(only().id().value())).findFirst().orElseThrow()
                .destination().toString());
        assertEquals(List.of("received:" + only().id().value(), "decided:" + only().id().value()),
                f.applications.mail);

        f.letters.received(only().id());
        NewApplicationLetter notice = (NewApplicationLetter) sent(NewApplicationLetter.class).getFirst();
        assertTrue(notice.approved());
        assertEquals(List.of(), sent(ApplicationReceiptLetter.class), "approved already: the welcome says it all");
    }

    @Test
    void theManager_andTheApplicant_hearOfAnApplicationOnce() {
        f.submit.submit(OnboardingFixture.form("grace@hopper.example", "v1"));
        ApplicationId id = only().id();

        f.letters.received(id);
        f.letters.received(id);

        assertEquals(1, sent(ApplicationReceiptLetter.class).size());
        NewApplicationLetter notice = (NewApplicationLetter) sent(NewApplicationLetter.class).getFirst();
        assertEquals(1, sent(NewApplicationLetter.class).size());
        assertEquals(new EmailAddress("manager@company.example"), notice.to(), "no sales address: the manager");
        assertEquals(List.of("newsletter", "consulting"), notice.channels());
    }

    @Test
    void anInvitation_makesAnActivePartnerWithAFirstLink_andTellsThemHowToSignIn() {
        var invited = assertInstanceOf(InvitePartner.Result.Invited.class, f.invite.invite(new InvitePartner.Command(
                "Linus T.", new EmailAddress("linus@partner.example"), "Kernel Co", null)));

        assertEquals(PartnerStatus.ACTIVE, invited.partner().status());
        assertEquals(invited.partner().id(), invited.firstLink().partnerId());
        assertEquals(List.of("invited:" + invited.partner().id().value()), f.applications.mail);
        assertInstanceOf(InvitePartner.Result.EmailTaken.class, f.invite.invite(new InvitePartner.Command(
                "Linus", new EmailAddress("linus@partner.example"), null, null)));

        f.letters.invited(invited.partner().id());
        f.letters.invited(invited.partner().id());
        List<Letter> invitations = sent(InvitationLetter.class);
        assertEquals(1, invitations.size());
        InvitationLetter letter = (InvitationLetter) invitations.getFirst();
        assertEquals("https://api.example/portal/signin?email=linus%40partner.example", letter.signInUrl());
        assertEquals("https://api.example/" + invited.firstLink().code().value(), letter.linkUrl());
    }

    private List<Letter> sent(Class<? extends Letter> kind) {
        return f.comms.mail.sent.stream().filter(kind::isInstance).toList();
    }
}

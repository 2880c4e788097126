package dev.refer.core.application;

import dev.refer.core.comms.CommsFixture;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryApplications;
import dev.refer.core.fakes.InMemoryTerms;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.link.CreateLink;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.terms.Terms;

import java.util.List;

/** The onboarding use cases on in-memory ports (the program of {@link CommsFixture}: manager, partner Ada). */
final class OnboardingFixture {

    final CommsFixture comms = new CommsFixture();
    final InMemoryApplications applications = new InMemoryApplications(comms.store);
    final InMemoryTerms terms = new InMemoryTerms();
    final SequenceIds ids = new SequenceIds();
    final CreatePartner createPartner = new CreatePartner(comms.store, ids, comms.clock);
    final FirstLink firstLink = new FirstLink(new CreateLink(Fixtures.PROGRAM, comms.store, comms.store, comms.store,
            ids, comms.clock), comms.store);
    final ReviewApplication review = new ReviewApplication(Fixtures.PROGRAM, comms.store, applications, applications,
            createPartner, firstLink, terms, applications, comms.clock);
    final SubmitApplication submit = new SubmitApplication(applications, applications, terms, applications, review,
            ids, comms.clock);
    final InvitePartner invite = new InvitePartner(Fixtures.PROGRAM, comms.store, applications, createPartner,
            firstLink, applications);
    final OnboardingLetters letters = new OnboardingLetters(Fixtures.PROGRAM, comms.store, comms.store, comms.store,
            applications, comms.comms, comms.transactional, "https://api.example");

    OnboardingFixture publish(String version) {
        terms.publish(new Terms(version, "The terms, " + version + ".", comms.clock.instant()));
        return this;
    }

    static SubmitApplication.Command form(String email, String termsVersion) {
        return new SubmitApplication.Command("Grace Hopper", email, "Hopper & Co", "https://hopper.example", "us",
                List.of("newsletter", "Consulting"), "CTOs of mid-size firms", null, termsVersion, true, null,
                "203.0.113.9", "Mozilla/5.0");
    }
}

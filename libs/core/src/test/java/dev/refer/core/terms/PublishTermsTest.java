package dev.refer.core.terms;

import dev.refer.core.comms.CommsFixture;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryMailing;
import dev.refer.core.fakes.InMemoryTerms;
import dev.refer.core.mail.TermsUpdatedLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class PublishTermsTest {

    private final CommsFixture f = new CommsFixture();
    private final InMemoryTerms book = new InMemoryTerms();
    private final InMemoryMailing queue = new InMemoryMailing();
    private final PublishTerms publish = new PublishTerms(book, queue.mailing(f.clock), f.clock);
    private final TermsNotice notice = new TermsNotice(Fixtures.PROGRAM, f.store, f.store, book, f.comms, f.deliver,
            "https://api.example/", ZoneOffset.UTC, f.clock, java.time.Duration.ZERO);
    private final Partner bob = Fixtures.activePartner("01JB0000000000000000000002", "bob@partner.example");

    @Test
    void publishing_makesTheVersionCurrent_andWritesToEachActivePartnerThroughTheQueue() {
        queue.audience.addAll(List.of(f.ada.id(), bob.id()));

        var published = assertInstanceOf(PublishTerms.Result.Published.class,
                publish.publish(new PublishTerms.Command("2026-12", "New terms.")));

        assertEquals(new Terms("2026-12", "New terms.", f.clock.instant()), published.terms());
        assertEquals(published.terms(), book.current().orElseThrow());
        assertEquals("terms#2026-12", published.run().campaign().key());
        assertEquals(List.of("terms#2026-12 " + f.ada.id().value(), "terms#2026-12 " + bob.id().value()),
                queue.writes, "one message per partner; the admin request sends no email itself");
    }

    @Test
    void theSameRequestAgain_resumesItsCampaign_butAVersionIsNeverEdited() {
        publish.publish(new PublishTerms.Command("v1", "Terms."));
        f.clock.advance(Duration.ofMinutes(1));

        var again = assertInstanceOf(PublishTerms.Result.Published.class,
                publish.publish(new PublishTerms.Command("v1", "Terms.")));
        assertEquals(f.clock.instant().minusSeconds(60), again.terms().publishedAt(), "the first publication stands");
        assertEquals(2, queue.starts, "the campaign resumed (its run dedupes the sends)");

        var edited = assertInstanceOf(PublishTerms.Result.VersionTaken.class,
                publish.publish(new PublishTerms.Command("v1", "Other terms.")));
        assertEquals("Terms.", edited.existing().text());

        publish.publish(new PublishTerms.Command("v2", "Terms 2."));
        assertInstanceOf(PublishTerms.Result.VersionTaken.class,
                publish.publish(new PublishTerms.Command("v1", "Terms.")), "v1 is history: not published again");
        assertEquals("v2", book.current().orElseThrow().version());
    }

    @Test
    void theNotice_goesOncePerPartnerAndVersion_transactional_butNotToAnInactiveOrSuppressedPartner() {
        publish.publish(new PublishTerms.Command("2026-12", "1. Fair.\n\n2. Square."));
        Campaign campaign = Campaign.terms("2026-12");

        assertEquals(new Mailed.Delivered(Deliver.Outcome.SENT), notice.toPartner(campaign, f.ada.id()));
        assertEquals(new Mailed.Delivered(Deliver.Outcome.ALREADY_SENT), notice.toPartner(campaign, f.ada.id()));
        TermsUpdatedLetter letter = (TermsUpdatedLetter) f.mail.sent.getFirst();
        assertEquals(new TermsUpdatedLetter(f.ada.email(), java.util.Locale.US, "test", f.ada.name(), "2026-12",
                LocalDate.of(2026, 11, 2), "1. Fair.\n\n2. Square.", "https://api.example/portal/terms"), letter);

        f.store.partners.put(bob.id(), bob.withStatus(PartnerStatus.SUSPENDED));
        assertEquals(new Mailed.NotWritten(Mailed.Why.PARTNER_INACTIVE), notice.toPartner(campaign, bob.id()));
        Partner cy = Fixtures.activePartner("01JB0000000000000000000003", "cy@partner.example");
        f.store.partners.put(cy.id(), cy);
        f.comms.record(new Suppression("cy@partner.example", Suppression.Reason.COMPLAINT, f.clock.instant(), null));
        assertEquals(new Mailed.Delivered(Deliver.Outcome.SENT), notice.toPartner(campaign, cy.id()),
                "a complaint stops marketing, not the terms: transactional");

        publish.publish(new PublishTerms.Command("2027-01", "Newer."));
        assertEquals(new Mailed.NotWritten(Mailed.Why.NOT_SENDING), notice.toPartner(campaign, cy.id()),
                "a superseded version is not told: the newer one's campaign tells it");
        assertEquals(2, f.mail.sent.size());
    }
}

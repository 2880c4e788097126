package dev.refer.dynamodb.application;

import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationBook;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.core.application.OnboardingSettings;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbApplicationBookTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final TestTable table = TestTable.create();
    private final DynamoDbApplicationBook book = new DynamoDbApplicationBook(table.client(), table.config());

    private static Application application(String id, String email, String name, Instant at) {
        return new Application(new ApplicationId(id), name, new EmailAddress(email), "Co", "https://co.example",
                "GB", List.of(Channel.BLOG, Channel.PODCAST), "Readers", null, "v1", "203.0.113.1", "Mozilla",
                ApplicationStatus.PENDING, null, null, at, at, null);
    }

    @Test
    void oneApplicationPerEmail_aSecondSubmissionUpdatesThePendingOne() {
        Application first = application("01JD0000000000000000000001", "g@h.example", "Grace", T0);
        assertEquals(new ApplicationBook.Submitted.Created(first), book.submit(first));
        assertEquals(Optional.of(first), book.find(first.id()));

        Application second = application("01JD0000000000000000000002", "g@h.example", "Grace H.",
                T0.plusSeconds(60));
        var updated = assertInstanceOf(ApplicationBook.Submitted.Updated.class, book.submit(second));
        assertEquals(first.id(), updated.application().id());
        assertEquals("Grace H.", book.find(first.id()).orElseThrow().name());
        assertEquals(T0, book.find(first.id()).orElseThrow().createdAt());
        assertEquals(Optional.empty(), book.find(second.id()), "never a second application");
        assertEquals(1, table.count("APPLICATION"));
        assertEquals(1, table.count("APPLICATION_EMAIL"));
    }

    @Test
    void aDecisionIsFinal_movesItToItsStatusListing_andASubmissionAfterItChangesNothing() {
        Application a = application("01JD0000000000000000000001", "a@h.example", "A", T0);
        Application b = application("01JD0000000000000000000002", "b@h.example", "B", T0.plusSeconds(1));
        Application c = application("01JD0000000000000000000003", "c@h.example", "C", T0.plusSeconds(2));
        book.submit(a);
        book.submit(b);
        book.submit(c);

        assertTrue(book.decide(a.approved(T0.plusSeconds(10))));
        assertFalse(book.decide(a.rejected("late", T0.plusSeconds(11))), "one decision wins");
        assertTrue(book.decide(b.rejected("Not a fit", T0.plusSeconds(12))));

        assertEquals(List.of(c.id()), ids(book.list(ApplicationStatus.PENDING, PageRequest.first(10))));
        assertEquals(List.of(a.id()), ids(book.list(ApplicationStatus.APPROVED, PageRequest.first(10))));
        Application approved = book.find(a.id()).orElseThrow();
        assertEquals(new PartnerId(a.id().value()), approved.partnerId());
        assertEquals("Not a fit", book.find(b.id()).orElseThrow().reason());

        var decided = assertInstanceOf(ApplicationBook.Submitted.Decided.class,
                book.submit(application("01JD0000000000000000000009", "b@h.example", "B again", T0.plusSeconds(99))));
        assertEquals(ApplicationStatus.REJECTED, decided.existing().status());
        assertEquals("B", book.find(b.id()).orElseThrow().name());
    }

    @Test
    void pendingApplications_areListedNewestSubmissionFirst_pageByPage() {
        for (int i = 1; i <= 3; i++) {
            book.submit(application("01JD000000000000000000000" + i, i + "@h.example", "N" + i, T0.plusSeconds(i)));
        }
        book.submit(application("01JD0000000000000000000009", "1@h.example", "N1 again", T0.plusSeconds(10)));

        Page<Application> first = book.list(ApplicationStatus.PENDING, PageRequest.first(2));
        assertEquals(List.of("01JD0000000000000000000001", "01JD0000000000000000000003"),
                first.items().stream().map(a -> a.id().value()).toList(), "the updated one is the newest");
        assertEquals(List.of("01JD0000000000000000000002"), book.list(ApplicationStatus.PENDING,
                new PageRequest(2, first.nextCursor())).items().stream().map(a -> a.id().value()).toList());
    }

    @Test
    void settings_defaultToAReview_andTheAddressesOfPartnersAreKnown() {
        assertEquals(OnboardingSettings.DEFAULTS, book.settings());
        book.save(new OnboardingSettings(true, "https://example.com/p"));
        assertEquals(new OnboardingSettings(true, "https://example.com/p"), book.settings());

        PartnerId ada = new PartnerId("01JD00000000000000000000AD");
        new DynamoDbPartnerRepository(table.client(), table.config()).create(new Partner(ada, "Ada",
                new EmailAddress("ada@p.example"), null, PartnerStatus.ACTIVE, null, T0));
        assertEquals(Optional.of(ada), book.partnerOf(new EmailAddress("ada@p.example")));
        assertEquals(Optional.empty(), book.partnerOf(new EmailAddress("bob@p.example")));
    }

    private static List<ApplicationId> ids(Page<Application> page) {
        return page.items().stream().map(Application::id).toList();
    }
}

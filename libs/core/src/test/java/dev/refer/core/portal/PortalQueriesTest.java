package dev.refer.core.portal;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner portal's rules: the dashboard's arithmetic, own links and their limit, money states, masks, texts. */
class PortalQueriesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final InMemoryStore store = new InMemoryStore();
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final Partner anna = Fixtures.activePartner("01JANNA0000000000000000000", "anna@partner.example");
    private final Partner bruno = Fixtures.activePartner("01JBRVN0000000000000000000", "bruno@partner.example");

    PortalQueriesTest() {
        Program base = Fixtures.program();
        store.save(new Program(base.id(), base.currency(), 30, 30, base.defaultPlan(), base.allowedDestinationHosts(),
                base.allowedFormOrigins(), Program.DEFAULT_MAX_EVENT_AGE_DAYS,
                new PayoutSettings(Map.of(EUR, 5_000L), Locale.US, null, null)));
        store.create(anna);
        store.create(bruno);
    }

    private Link link(Partner partner, String code, String campaign) {
        Link link = new Link(new LinkCode(code), partner.id(), URI.create("https://example.com/"), campaign, true,
                true, Fixtures.NOW);
        store.create(link);
        return link;
    }

    @Test
    void dashboard_addsUpTheFunnel_clicksPerLinkAndCampaign_andWhatTheMinimumNeeds() {
        link(anna, "a-news", "newsletter");
        link(anna, "a-news2", "newsletter");
        link(anna, "a-plain", null);
        link(bruno, "b-news", "newsletter");
        DashboardCounters counters = (partner, month) -> {
            assertEquals(anna.id(), partner);
            assertEquals("2026-11", month.toString());
            return new DashboardCounters.Snapshot(
                    Map.of("clicks", 500L, "leads", 20L, "leadsQualified", 5L, "sales", 2L, "revenue.EUR", 90_000L,
                            "revenue.USD", 1_000L, "commissionEarned.EUR", 18_000L,
                            "commissionStatus.PENDING.EUR", 1_500L, "commissionStatus.APPROVED.EUR", 1_000L,
                            "commissionStatus.PAID.EUR", 15_500L),
                    Map.of("clicks", 50L, "leads", 2L),
                    Map.of("a-news", 300L, "a-news2", 100L, "a-plain", 100L, "b-news", 999L),
                    Map.of("a-news", 30L, "a-plain", 20L));
        };
        Dashboard.View view = new Dashboard(Fixtures.PROGRAM, store, store, counters, clock, ZoneOffset.UTC)
                .of(anna.id());

        assertEquals(500, view.allTime().clicks());
        assertEquals(2, view.allTime().customers());
        assertEquals(List.of(Money.of(90_000, "EUR"), Money.of(1_000, "USD")), view.allTime().revenue());
        assertEquals(List.of(Money.of(18_000, "EUR")), view.allTime().commissions());
        assertEquals(50, view.thisMonth().clicks());
        assertEquals(List.of(), view.thisMonth().revenue());
        assertEquals(3, view.links().size(), "only Anna's links");
        assertEquals(List.of(new Dashboard.CampaignRow("newsletter", 2, 30, 400),
                new Dashboard.CampaignRow(null, 1, 20, 100)), view.campaigns());
        Dashboard.NextPayout next = view.nextPayout();
        assertEquals(LocalDate.of(2026, 12, 1), next.runOn());
        assertEquals(30, next.holdingPeriodDays());
        Dashboard.Balance balance = next.balances().getFirst();
        assertEquals(Money.of(2_500, "EUR"), balance.unpaid());
        assertEquals(Money.of(1_500, "EUR"), balance.pending());
        assertEquals(Money.of(2_500, "EUR"), balance.missing());
        assertFalse(balance.reachesMinimum());
    }

    @Test
    void dashboard_balanceAtTheMinimum_reachesIt_andANegativeOneNeedsMore() {
        DashboardCounters at = (p, m) -> new DashboardCounters.Snapshot(
                Map.of("commissionStatus.APPROVED.EUR", 5_000L), Map.of(), Map.of(), Map.of());
        assertTrue(new Dashboard(Fixtures.PROGRAM, store, store, at, clock, ZoneOffset.UTC).of(anna.id())
                .nextPayout().balances().getFirst().reachesMinimum());
        DashboardCounters clawedBack = (p, m) -> new DashboardCounters.Snapshot(
                Map.of("commissionStatus.APPROVED.EUR", -1_000L), Map.of(), Map.of(), Map.of());
        assertEquals(Money.of(6_000, "EUR"), new Dashboard(Fixtures.PROGRAM, store, store, clawedBack, clock,
                ZoneOffset.UTC).of(anna.id()).nextPayout().balances().getFirst().missing());
    }

    @Test
    void partnerLinks_areCreatedUpToTheLimit_andOnlyTheOwnerDisablesOne() {
        link(bruno, "b-news", null);
        CreateLink create = new CreateLink(Fixtures.PROGRAM, store, store, store, new SequenceIds(), clock);
        LinkCount count = (partner, upTo) -> (int) Math.min(upTo,
                store.links.values().stream().filter(l -> l.partnerId().equals(partner)).count());
        store.save(store.find(Fixtures.PROGRAM).orElseThrow().withMaxLinksPerPartner(2));
        PartnerLinks links = new PartnerLinks(Fixtures.PROGRAM, store, create, store, count);
        assertEquals(2, links.limit());

        assertInstanceOf(PartnerLinks.Created.Done.class, links.create(anna.id(), "https://example.com/a", "blog"));
        assertInstanceOf(PartnerLinks.Created.Done.class, links.create(anna.id(), "https://www.example.com/b", null));
        assertEquals(new PartnerLinks.Created.LimitReached(2), links.create(anna.id(), "https://example.com/c", null));
        assertThrows(Invalid.class, () -> links.create(bruno.id(), "https://evil.example/", null));
        assertThrows(Invalid.class, () -> links.create(bruno.id(), "https://example.com/", "no spaces"));
        assertEquals(3, store.links.size());

        assertTrue(links.disable(anna.id(), new LinkCode("b-news")).isEmpty(), "not Anna's: not found");
        assertTrue(store.links.get(new LinkCode("b-news")).enabled());
        assertFalse(links.disable(bruno.id(), new LinkCode("b-news")).orElseThrow().enabled());
        assertFalse(links.disable(bruno.id(), new LinkCode("b-news")).orElseThrow().enabled(), "again: the same");
        InMemoryStore empty = new InMemoryStore();
        assertEquals(new PartnerLinks.Created.ProgramNotConfigured(), new PartnerLinks(Fixtures.PROGRAM, empty,
                new CreateLink(Fixtures.PROGRAM, empty, empty, empty, new SequenceIds(), clock), empty, count)
                .create(anna.id(), "https://example.com/", null));
        assertThrows(Invalid.class, () -> Fixtures.program().withMaxLinksPerPartner(0));
        assertThrows(Invalid.class, () -> Fixtures.program().withMaxLinksPerPartner(101));
        assertEquals(Program.DEFAULT_MAX_LINKS_PER_PARTNER, Fixtures.program().maxLinksPerPartner());
    }

    @Test
    void money_statesInThePartnersWords() {
        Instant now = Fixtures.NOW;
        Commission pending = entry("01JC1000000000000000000000", CommissionKind.SALE, CommissionStatus.PENDING, 1_000,
                now.plus(Duration.ofDays(3)), null, null);
        Commission due = entry("01JC2000000000000000000000", CommissionKind.SALE, CommissionStatus.PENDING, 1_000,
                now.minus(Duration.ofDays(1)), null, null);
        Commission voided = new Commission(new CommissionId("01JC3000000000000000000000"), anna.id(),
                CommissionKind.SALE, CommissionStatus.PENDING, Money.of(1_000, "EUR"), "20 %", "evt", "o", null,
                now, now.plus(Duration.ofDays(3)), null, null, now);
        Commission reversal = entry("01JC4000000000000000000000", CommissionKind.REVERSAL, CommissionStatus.PENDING,
                -1_000, now.plus(Duration.ofDays(3)), new CommissionId("01JC1000000000000000000000"),
                "refund of order o");

        assertEquals(PartnerMoney.State.PENDING, PartnerMoney.line(pending, now, false, null).state());
        assertEquals(now.plus(Duration.ofDays(3)), PartnerMoney.line(pending, now, false, null).pendingUntil());
        assertEquals(PartnerMoney.State.APPROVED, PartnerMoney.line(due, now, false, null).state(),
                "past its holding period: the next run pays it");
        assertEquals(PartnerMoney.State.VOIDED, PartnerMoney.line(voided, now, false, "voided: duplicate").state());
        assertEquals("voided: duplicate", PartnerMoney.line(voided, now, false, "voided: duplicate").reason());
        assertEquals(PartnerMoney.State.REVERSED, PartnerMoney.line(pending, now, true, "refund").state());
        assertEquals("refund of order o", PartnerMoney.line(reversal, now, false, null).reason());
    }

    private Commission entry(String id, CommissionKind kind, CommissionStatus status, long minor, Instant payableOn,
                             CommissionId reverses, String rule) {
        return new Commission(new CommissionId(id), anna.id(), kind, status, Money.of(minor, "EUR"),
                rule == null ? "20 %" : rule, "evt", "o", reverses, Fixtures.NOW, payableOn);
    }

    @Test
    void emails_areMaskedToTheirFirstCharacterAndDomain() {
        assertEquals("j***@acme.com", MaskedEmail.of(new EmailAddress("jane.doe@acme.com")));
        assertEquals("x***@acme.com", MaskedEmail.of(new EmailAddress("x@acme.com")));
    }

    @Test
    void shareTexts_carryTheLinkAndTheProgramsWords_andThePostFits() {
        CommsSettings settings = new CommsSettings("Acme Books", "Small firms with 5-50 staff",
                "Bookkeeping that does itself. ".repeat(20), List.of(), List.of(), List.of(), null, 3, null, 20);
        ShareKit.Texts texts = ShareKit.texts(settings, "https://go.example/anna");
        assertTrue(texts.emailSubject().contains("Acme Books"));
        assertTrue(texts.emailBody().contains("https://go.example/anna"));
        assertTrue(texts.emailBody().contains("Small firms with 5-50 staff"));
        assertTrue(texts.socialPost().endsWith(" https://go.example/anna"), texts.socialPost());
        assertTrue(texts.socialPost().length() <= ShareKit.SOCIAL_MAX, texts.socialPost());
        ShareKit.Texts plain = ShareKit.texts(CommsSettings.DEFAULTS, "https://go.example/anna");
        assertEquals("I recommend this product. https://go.example/anna", plain.socialPost());
    }

    @Test
    void profileEdits_needANameAndKeepToTheLengths() {
        assertThrows(Invalid.class, () -> new EditProfile.Command(anna.id(), "  ", null));
        assertThrows(Invalid.class, () -> new EditProfile.Command(anna.id(), "n".repeat(101), null));
        assertThrows(Invalid.class, () -> new EditProfile.Command(anna.id(), "Anna", "c".repeat(101)));
        assertThrows(Invalid.class, () -> new EditProfile.Command(anna.id(), "An\u0000na", null));
        assertEquals(null, new EditProfile.Command(anna.id(), " Anna ", "  ").company());
        assertEquals("Anna", new EditProfile.Command(anna.id(), " Anna ", "  ").name());
    }
}

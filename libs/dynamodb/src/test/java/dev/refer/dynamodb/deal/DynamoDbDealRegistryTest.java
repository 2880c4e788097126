package dev.refer.dynamodb.deal;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealStatus;
import dev.refer.core.deal.RegisterDeal;
import dev.refer.core.deal.ReviewDeal;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbDealRegistryTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T10:00:00Z"));
    private final DynamoDbDealRegistry registry = new DynamoDbDealRegistry(table.client(), table.config());
    private final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());
    private final RegisterDeal registerDeal = new RegisterDeal(registry, registry, partners, new UlidGenerator(clock),
            clock);
    private final ReviewDeal reviewDeal = new ReviewDeal(registry, registry, clock);
    private final Partner anna = partner("anna@partner.example");
    private final Partner bruno = partner("bruno@partner.example");

    private Partner partner(String email) {
        Partner partner = fixtures.partner(email);
        partners.create(partner);
        return partner;
    }

    private RegisterDeal.Result register(Partner partner, String domain) {
        return registerDeal.register(new RegisterDeal.Command(partner.id(), "Acme Inc.", domain, "Ada",
                "ada@acme.example", "notes"));
    }

    @Test
    void register_thenFind_roundTripsTheRegistrationAndItsGuard() {
        Deal deal = assertInstanceOf(RegisterDeal.Result.Registered.class, register(anna, "acme.example")).deal();
        assertEquals(deal, registry.find(deal.id()).orElseThrow());
        assertEquals(deal.claim(), registry.claimOn(new CompanyDomain("acme.example")).orElseThrow());
        assertEquals(1, table.count("DEAL"));
        assertEquals(1, table.count("DEAL_DOMAIN"));
        assertEquals(List.of(deal), registry.ofPartner(anna.id(), PageRequest.first(10)).items());
        assertTrue(registry.ofPartner(bruno.id(), PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void anotherPartner_isRefused_theSamePartnerGetsItsOwnBack() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        assertInstanceOf(RegisterDeal.Result.DomainTaken.class, register(bruno, "acme.example"));
        assertEquals(annas, assertInstanceOf(RegisterDeal.Result.AlreadyYours.class,
                register(anna, "acme.example")).deal());
        assertEquals(1, table.count("DEAL"));
    }

    @Test
    void twoPartnersRacingForOneDomain_exactlyOneWins() throws Exception {
        List<Partner> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(partner("racer" + i + "@partner.example"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String domain = "race" + round + ".example";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<RegisterDeal.Result>> results = new ArrayList<>();
                for (Partner racer : racers) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return register(racer, domain);
                    }));
                }
                start.countDown();
                int registered = 0;
                for (Future<RegisterDeal.Result> result : results) {
                    RegisterDeal.Result r = result.get();
                    if (r instanceof RegisterDeal.Result.Registered) {
                        registered++;
                    } else {
                        assertInstanceOf(RegisterDeal.Result.DomainTaken.class, r);
                    }
                }
                assertEquals(1, registered, domain);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, table.count("DEAL"));
        assertEquals(3, table.count("DEAL_DOMAIN"));
    }

    @Test
    void anExpiredRegistration_isTakenOverByTheConditionalWrite() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertInstanceOf(RegisterDeal.Result.DomainTaken.class, register(bruno, "acme.example"));
        clock.advance(Duration.ofSeconds(1));
        Deal brunos = assertInstanceOf(RegisterDeal.Result.Registered.class, register(bruno, "acme.example"))
                .deal();
        assertEquals(bruno.id(), registry.claimOn(brunos.domain()).orElseThrow().partnerId());
        assertEquals(DealStatus.EXPIRED, registry.find(annas.id()).orElseThrow().statusAt(clock.instant()));
        assertInstanceOf(ReviewDeal.Result.NotReviewable.class, reviewDeal.approve(annas.id()));
        assertInstanceOf(ReviewDeal.Result.Rejected.class, reviewDeal.reject(annas.id(), "lapsed"));
        assertEquals(brunos.id(), registry.claimOn(brunos.domain()).orElseThrow().dealId(),
                "rejecting the lapsed one leaves the new holder's guard alone");
    }

    @Test
    void approve_thenReject_moveTheGuardAlong_andTheListingsByStatus() {
        Deal a = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        Deal b = ((RegisterDeal.Result.Registered) register(anna, "globex.example")).deal();
        Deal c = ((RegisterDeal.Result.Registered) register(bruno, "initech.example")).deal();
        clock.advance(Duration.ofDays(1));
        Deal approved = assertInstanceOf(ReviewDeal.Result.Approved.class, reviewDeal.approve(a.id())).deal();
        assertEquals(DealStatus.APPROVED, registry.claimOn(a.domain()).orElseThrow().status());
        assertEquals(clock.instant().plus(Duration.ofDays(90)), approved.expiresAt());
        assertInstanceOf(ReviewDeal.Result.NotReviewable.class, reviewDeal.approve(a.id()), "approved once");

        Deal rejected = assertInstanceOf(ReviewDeal.Result.Rejected.class, reviewDeal.reject(b.id(), "ours"))
                .deal();
        assertEquals("ours", registry.find(b.id()).orElseThrow().reason());
        assertTrue(registry.claimOn(rejected.domain()).isEmpty(), "the domain is free");

        assertEquals(List.of(c.id()), ids(registry.withStatus(DealStatus.PENDING, clock.instant(),
                PageRequest.first(10))));
        assertEquals(List.of(a.id()), ids(registry.withStatus(DealStatus.APPROVED, clock.instant(),
                PageRequest.first(10))));
        assertEquals(List.of(b.id()), ids(registry.withStatus(DealStatus.REJECTED, clock.instant(),
                PageRequest.first(10))));
        clock.advance(Duration.ofDays(90));
        assertEquals(List.of(c.id()), ids(registry.withStatus(DealStatus.EXPIRED, clock.instant(),
                PageRequest.first(10))));
        assertTrue(registry.withStatus(DealStatus.PENDING, clock.instant(), PageRequest.first(10)).items()
                .isEmpty());
    }

    @Test
    void listings_pageWithACursor() {
        for (int i = 0; i < 5; i++) {
            register(anna, "company" + i + ".example");
            clock.advance(Duration.ofMinutes(1));
        }
        Page<Deal> first = registry.withStatus(DealStatus.PENDING, clock.instant(), PageRequest.first(3));
        assertEquals(3, first.items().size());
        Page<Deal> rest = registry.withStatus(DealStatus.PENDING, clock.instant(),
                new PageRequest(3, first.nextCursor()));
        assertEquals(2, rest.items().size());
        assertEquals(null, rest.nextCursor());
    }

    @Test
    void theRegistrationPeriod_isASettingWithADefault() {
        assertEquals(90, registry.registrationDays());
        registry.setRegistrationDays(30);
        assertEquals(30, registry.registrationDays());
        Deal deal = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        assertEquals(deal.registeredAt().plus(Duration.ofDays(30)), deal.expiresAt());
        assertTrue(table.item(TableKeys.dealSettings("test").pk(), "DEAL_SETTINGS") != null);
    }

    private static List<dev.refer.core.deal.DealId> ids(Page<Deal> page) {
        return page.items().stream().map(Deal::id).toList();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

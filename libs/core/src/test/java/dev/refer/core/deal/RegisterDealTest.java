package dev.refer.core.deal;

import dev.refer.core.Flow;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterDealTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");
    private final Partner bruno = flow.partner("bruno@partner.example");

    private RegisterDeal.Result register(Partner partner, String domain) {
        return flow.registerDeal.register(new RegisterDeal.Command(partner.id(), "Acme Inc.", domain, "Ada Lovelace",
                "ada@acme.example", "Evaluating the Pro plan"));
    }

    @Test
    void registers_aPendingRegistration_forTheProgramsPeriod() {
        Deal deal = assertInstanceOf(RegisterDeal.Result.Registered.class,
                register(anna, "https://www.Acme.example/pricing")).deal();
        assertEquals("acme.example", deal.domain().value(), "normalised");
        assertEquals(DealStatus.PENDING, deal.status());
        assertEquals(flow.clock.instant().plus(Duration.ofDays(90)), deal.expiresAt(), "default 90 days");
        assertEquals(anna.id(), flow.deals.guards.get(deal.domain()).partnerId());
    }

    @Test
    void theProgramsPeriod_isASetting() {
        flow.deals.setRegistrationDays(30);
        Deal deal = assertInstanceOf(RegisterDeal.Result.Registered.class, register(anna, "acme.example")).deal();
        assertEquals(flow.clock.instant().plus(Duration.ofDays(30)), deal.expiresAt());
    }

    @Test
    void anotherPartner_isRefused_andNothingIsStored() {
        register(anna, "acme.example");
        assertInstanceOf(RegisterDeal.Result.DomainTaken.class, register(bruno, "www.acme.example"));
        assertEquals(1, flow.deals.deals.size());
        assertEquals(anna.id(), flow.deals.guards.get(new CompanyDomain("acme.example")).partnerId());
    }

    @Test
    void theSamePartnerAgain_isIdempotent() {
        Deal first = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        RegisterDeal.Result again = register(anna, "acme.example");
        assertEquals(first, assertInstanceOf(RegisterDeal.Result.AlreadyYours.class, again).deal());
        assertEquals(1, flow.deals.deals.size());
    }

    @Test
    void anExpiredRegistration_freesTheDomain_forAnotherPartner() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        flow.clock.advance(Duration.ofDays(90));
        assertEquals(DealStatus.EXPIRED, annas.statusAt(flow.clock.instant()));
        Deal brunos = assertInstanceOf(RegisterDeal.Result.Registered.class, register(bruno, "acme.example")).deal();
        assertEquals(bruno.id(), flow.deals.guards.get(brunos.domain()).partnerId());
        assertInstanceOf(ReviewDeal.Result.NotReviewable.class, flow.reviewDeal.approve(annas.id()),
                "an expired registration cannot be approved");
    }

    @Test
    void aRejectedRegistration_freesTheDomainAtOnce() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        Deal rejected = assertInstanceOf(ReviewDeal.Result.Rejected.class,
                flow.reviewDeal.reject(annas.id(), "already our customer")).deal();
        assertEquals("already our customer", rejected.reason());
        assertInstanceOf(RegisterDeal.Result.Registered.class, register(bruno, "acme.example"));
        assertInstanceOf(ReviewDeal.Result.NotReviewable.class, flow.reviewDeal.reject(annas.id(), "again"));
    }

    @Test
    void approval_restartsThePeriod_andHoldsTheDomain() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        flow.clock.advance(Duration.ofDays(80));
        Deal approved = assertInstanceOf(ReviewDeal.Result.Approved.class, flow.reviewDeal.approve(annas.id()))
                .deal();
        assertEquals(flow.clock.instant().plus(Duration.ofDays(90)), approved.expiresAt());
        flow.clock.advance(Duration.ofDays(30));
        assertEquals(DealStatus.APPROVED, approved.statusAt(flow.clock.instant()));
        assertInstanceOf(RegisterDeal.Result.DomainTaken.class, register(bruno, "acme.example"));
        flow.clock.advance(Duration.ofDays(60));
        assertInstanceOf(RegisterDeal.Result.Registered.class, register(bruno, "acme.example"),
                "an approved registration ends too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "GoogleMail.com", "outlook.com", "hotmail.co.uk", "hotmail.fr", "live.com",
            "yahoo.com", "yahoo.co.jp", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.at",
            "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com"})
    void freeMailDomains_cannotBeRegistered(String domain) {
        assertInstanceOf(RegisterDeal.Result.FreeMailDomain.class, register(anna, domain));
        assertTrue(flow.deals.deals.isEmpty());
    }

    @Test
    void companyDomains_areNotFreeMail() {
        assertFalse(FreeMailDomains.isFreeMail("acme.example"));
        assertFalse(FreeMailDomains.isFreeMail("mygmail.com"));
        assertFalse(FreeMailDomains.isFreeMail("live.acme.example"), "a company's subdomain");
        assertFalse(FreeMailDomains.isFreeMail("yahoo.acme.example"));
        assertTrue(FreeMailDomains.isFreeMail("yahoo.com.br"));
        assertTrue(FreeMailDomains.isFreeMail("hotmail.co.uk"));
    }

    @Test
    void aSuspendedPartner_registersNothing() {
        new ChangePartnerStatus(flow.store, flow.store).change(anna.id(), PartnerStatus.SUSPENDED);
        assertInstanceOf(RegisterDeal.Result.PartnerNotActive.class, register(anna, "acme.example"));
    }

    @Test
    void badInput_namesEachField_andStoresNothing() {
        Invalid invalid = assertThrows(Invalid.class, () -> flow.registerDeal.register(new RegisterDeal.Command(
                anna.id(), "x".repeat(201), "not a domain", "y".repeat(201), "not-an-email", "z".repeat(2001))));
        assertEquals(java.util.Set.of("companyName", "domain", "contactName", "contactEmail", "notes"),
                invalid.violations().stream().map(Invalid.Violation::field).collect(
                        java.util.stream.Collectors.toSet()));
        Invalid missing = assertThrows(Invalid.class, () -> flow.registerDeal.register(new RegisterDeal.Command(
                anna.id(), " ", null, null, null, null)));
        assertEquals(2, missing.violations().size());
        assertTrue(flow.deals.deals.isEmpty());
    }

    @Test
    void aRejection_needsAReason() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        assertThrows(Invalid.class, () -> flow.reviewDeal.reject(annas.id(), " "));
        assertEquals(DealStatus.PENDING, flow.deals.deals.get(annas.id()).status());
    }

    @Test
    void queries_scopeToThePartner() {
        Deal annas = ((RegisterDeal.Result.Registered) register(anna, "acme.example")).deal();
        DealQueries queries = new DealQueries(flow.deals, flow.clock);
        assertTrue(queries.ofPartner(anna.id(), annas.id()).isPresent());
        assertTrue(queries.ofPartner(bruno.id(), annas.id()).isEmpty(), "another partner's id reads nothing");
    }
}

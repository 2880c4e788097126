package dev.refer.core.signin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.InMemoryComms;
import dev.refer.core.fakes.InMemoryMailLog;
import dev.refer.core.fakes.InMemorySignIn;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.SignInLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.comms.consent.Suppression;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in's rules with in-memory ports: links, limits, sessions and their lifetimes. */
class SignInTest {

    private static final String CONFIRM = "https://partners.example/portal/signin/confirm";
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
    private final InMemorySignIn store = new InMemorySignIn();
    private final InMemoryComms comms = new InMemoryComms();
    private final InMemoryMailLog mail = new InMemoryMailLog();
    private final SignInPolicy policy = new SignInPolicy(Duration.ofHours(2), Duration.ofDays(7), 2, 4);
    private final RequestSignIn request = new RequestSignIn(store, store, store, comms, mail, policy,
            Secrets.create(), clock);
    private final ConfirmSignIn confirm = new ConfirmSignIn(store, store, store, policy, Secrets.create(), clock);
    private final CheckSession check = new CheckSession(store, policy, clock);

    private Partner partner(String id, String email, PartnerStatus status) {
        Partner partner = new Partner(new PartnerId(id), "Partner " + id, new EmailAddress(email), null, status, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        store.add(partner);
        return partner;
    }

    private String token() {
        String link = ((SignInLetter) mail.sent.getLast()).link();
        return link.substring(link.indexOf("?token=") + 7);
    }

    @Test
    void aKnownActivePartner_getsALink_storedOnlyAsItsHash_thatSignsInOnce() {
        Partner ada = partner("01JD0000000000000000000001", "ada@partner.example", PartnerStatus.ACTIVE);
        assertEquals(new RequestSignIn.Accepted(RequestSignIn.Delivery.SENT),
                request.request(" ADA@partner.example ", "198.51.100.1", CONFIRM));
        String token = token();
        assertTrue(Secrets.wellFormed(token));
        assertEquals(List.of(TokenHash.of(token)), List.copyOf(store.links.keySet()), "only the hash is stored");
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), store.links.get(TokenHash.of(token)).expiresAt());

        ConfirmSignIn.SignedIn signedIn = assertInstanceOf(ConfirmSignIn.SignedIn.class, confirm.confirm(token));
        assertEquals(ada.id(), signedIn.session().partnerId());
        assertEquals(clock.instant().plus(Duration.ofDays(7)), signedIn.session().expiresAt());
        assertInstanceOf(ConfirmSignIn.Refused.class, confirm.confirm(token), "single use");
    }

    @Test
    void unknown_suspended_andBouncedAddresses_getTheSameAnswer_andNoMail() {
        partner("01JD0000000000000000000002", "sus@partner.example", PartnerStatus.SUSPENDED);
        partner("01JD0000000000000000000003", "bounced@partner.example", PartnerStatus.ACTIVE);
        comms.record(new Suppression("bounced@partner.example", Suppression.Reason.BOUNCE, clock.instant(), "gone"));
        for (String email : List.of("nobody@partner.example", "sus@partner.example", "bounced@partner.example")) {
            assertInstanceOf(RequestSignIn.Accepted.class, request.request(email, "198.51.100.2", CONFIRM));
        }
        assertEquals(List.of(), mail.sent);
        assertEquals(0, store.links.size());
        assertThrows(Invalid.class, () -> request.request("not an address", "198.51.100.2", CONFIRM));
    }

    @Test
    void limits_countEveryRequest_perAddress_andPerIp_withinTheHour() {
        assertInstanceOf(RequestSignIn.Accepted.class, request.request("a@partner.example", "1.1.1.1", CONFIRM));
        assertInstanceOf(RequestSignIn.Accepted.class, request.request("a@partner.example", "1.1.1.2", CONFIRM));
        RequestSignIn.TooManyRequests limited = assertInstanceOf(RequestSignIn.TooManyRequests.class,
                request.request("a@partner.example", "1.1.1.3", CONFIRM));
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), limited.retryAt());
        for (int i = 0; i < 4; i++) {
            request.request("ip" + i + "@partner.example", "9.9.9.9", CONFIRM);
        }
        assertInstanceOf(RequestSignIn.TooManyRequests.class, request.request("b@partner.example", "9.9.9.9", CONFIRM));
        clock.advance(Duration.ofHours(1));
        assertInstanceOf(RequestSignIn.Accepted.class, request.request("b@partner.example", "9.9.9.9", CONFIRM));
    }

    @Test
    void anExpiredLink_orAPartnerSuspendedSinceAsking_signsNoOneIn() {
        partner("01JD0000000000000000000004", "late@partner.example", PartnerStatus.ACTIVE);
        request.request("late@partner.example", "1.1.1.1", CONFIRM);
        String expired = token();
        clock.advance(Duration.ofMinutes(15));
        assertInstanceOf(ConfirmSignIn.Refused.class, confirm.confirm(expired));

        Partner bob = partner("01JD0000000000000000000005", "bob@partner.example", PartnerStatus.ACTIVE);
        request.request("bob@partner.example", "1.1.1.1", CONFIRM);
        String token = token();
        store.add(bob.withStatus(PartnerStatus.SUSPENDED));
        assertInstanceOf(ConfirmSignIn.Refused.class, confirm.confirm(token));
        assertInstanceOf(ConfirmSignIn.Refused.class, confirm.confirm("not-a-token"));
    }

    @Test
    void aSession_livesWithinItsIdleAndAbsoluteTimes_forItsPartner_whileActive_andEndsWhenSignedOut() {
        Partner ada = partner("01JD0000000000000000000006", "ada@partner.example", PartnerStatus.ACTIVE);
        request.request("ada@partner.example", "1.1.1.1", CONFIRM);
        Session session = ((ConfirmSignIn.SignedIn) confirm.confirm(token())).session();
        assertTrue(check.check(session.id(), ada.id()).isPresent());
        assertFalse(check.check(session.id(), new PartnerId("01JD0000000000000000000007")).isPresent(),
                "another partner's id in the cookie");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(clock.instant(), check.check(session.id(), ada.id()).orElseThrow().session().lastSeenAt());
        clock.advance(Duration.ofMinutes(30).plusSeconds(30));
        check.check(session.id(), ada.id());
        assertEquals(clock.instant(), store.sessions.get(session.id()).lastSeenAt(), "touched at most once a minute");
        clock.advance(Duration.ofHours(2));
        assertFalse(check.check(session.id(), ada.id()).isPresent(), "idle too long");

        request.request("ada@partner.example", "1.1.1.1", CONFIRM);
        Session second = ((ConfirmSignIn.SignedIn) confirm.confirm(token())).session();
        store.add(ada.withStatus(PartnerStatus.SUSPENDED));
        assertFalse(check.check(second.id(), ada.id()).isPresent(), "suspended");
        store.add(ada);
        assertTrue(check.check(second.id(), ada.id()).isPresent(), "reactivated within the session's life");
        new SignOut(store).signOut(second.id());
        assertFalse(check.check(second.id(), ada.id()).isPresent(), "signed out");
    }

    @Test
    void aMailFailure_isAnsweredAlike() {
        partner("01JD0000000000000000000008", "ada@partner.example", PartnerStatus.ACTIVE);
        Mailer failing = letter -> {
            throw new Mailer.MailRefused("ses down", null);
        };
        RequestSignIn withFailingMail = new RequestSignIn(store, store, store, comms, failing, policy,
                Secrets.create(), clock);
        assertEquals(new RequestSignIn.Accepted(RequestSignIn.Delivery.MAIL_FAILED),
                withFailingMail.request("ada@partner.example", "1.1.1.1", CONFIRM));
    }
}

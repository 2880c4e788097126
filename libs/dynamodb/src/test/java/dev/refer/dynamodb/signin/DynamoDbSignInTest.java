package dev.refer.dynamodb.signin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.signin.Session;
import dev.refer.core.signin.Sessions;
import dev.refer.core.signin.TokenHash;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in's items on DynamoDB Local: tokens used once, counters that stop at their limit, sessions. */
class DynamoDbSignInTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final PartnerId ADA = new PartnerId("01JD0000000000000000000ADA");

    private final TestTable table = TestTable.create();
    private final DynamoDbSignInLinks links = new DynamoDbSignInLinks(table.client(), table.config());
    private final DynamoDbRateLimits limits = new DynamoDbRateLimits(table.client(), table.config());
    private final DynamoDbSessions sessions = new DynamoDbSessions(table.client(), table.config());
    private final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(table.client(), table.config());

    @Test
    void aToken_isUsedOnce_evenConcurrently_andNotAfterItExpires_andCarriesItsTtl() throws Exception {
        TokenHash once = TokenHash.of("token-once");
        links.save(once, ADA, T0.plusSeconds(900));
        var item = table.client().getItem(r -> r.tableName(table.name()).key(Keys.signInToken(once))).item();
        assertEquals(Long.toString(T0.plusSeconds(900).getEpochSecond()), item.get("expiresAt").n());
        assertFalse(item.toString().contains("token-once"), "the token itself is stored nowhere");

        List<Callable<Optional<PartnerId>>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(() -> links.consume(once, T0));
        }
        int winners = 0;
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            for (Future<Optional<PartnerId>> use : executor.invokeAll(uses)) {
                winners += use.get().isPresent() ? 1 : 0;
            }
        }
        assertEquals(1, winners);

        TokenHash late = TokenHash.of("token-late");
        links.save(late, ADA, T0.plusSeconds(900));
        assertEquals(Optional.empty(), links.consume(late, T0.plusSeconds(900)));
        assertEquals(Optional.empty(), links.consume(TokenHash.of("never"), T0));
    }

    @Test
    void aCounter_admitsUpToItsLimit_perSubjectAndWindow_evenConcurrently() throws Exception {
        Instant end = T0.plusSeconds(3600);
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> limits.admit("signin-ip", "198.51.100.1", 3, T0, end));
        }
        int admitted = 0;
        try (ExecutorService executor = Executors.newFixedThreadPool(10)) {
            for (Future<Boolean> request : executor.invokeAll(requests)) {
                admitted += request.get() ? 1 : 0;
            }
        }
        assertEquals(3, admitted);
        assertTrue(limits.admit("signin-ip", "198.51.100.2", 3, T0, end), "another subject");
        assertTrue(limits.admit("signin-address", "198.51.100.1", 3, T0, end), "another scope");
        assertTrue(limits.admit("signin-ip", "198.51.100.1", 3, end, end.plusSeconds(3600)), "the next window");
    }

    @Test
    void aSession_isReadWithItsPartner_touched_andDeleted() {
        partners.create(new Partner(ADA, "Ada", new EmailAddress("ada@partner.example"), null, PartnerStatus.ACTIVE,
                null, T0));
        Session session = new Session("s".repeat(43), ADA, "c".repeat(43), T0, T0, T0.plusSeconds(7 * 86400));
        sessions.create(session);

        Sessions.Loaded loaded = sessions.load(session.id(), ADA).orElseThrow();
        assertEquals(session, loaded.session());
        assertEquals(PartnerStatus.ACTIVE, loaded.partnerStatus());
        assertEquals("Ada", loaded.partnerName());
        assertEquals(Optional.empty(), sessions.load(session.id(), new PartnerId("01JD0000000000000000000B0B")),
                "no such partner");

        sessions.touch(session.id(), T0.plusSeconds(600));
        assertEquals(T0.plusSeconds(600), sessions.load(session.id(), ADA).orElseThrow().session().lastSeenAt());
        partners.updateStatus(ADA, PartnerStatus.SUSPENDED);
        assertEquals(PartnerStatus.SUSPENDED, sessions.load(session.id(), ADA).orElseThrow().partnerStatus());

        sessions.delete(session.id());
        assertEquals(Optional.empty(), sessions.load(session.id(), ADA));
        sessions.touch(session.id(), T0.plusSeconds(900));
        assertFalse(table.client().getItem(r -> r.tableName(table.name()).key(Keys.portalSession(session.id())))
                .hasItem(), "a touch after sign-out brings nothing back");
    }

    @Test
    void aPartner_isFoundByTheAddressTheyType() {
        partners.create(new Partner(ADA, "Ada", new EmailAddress("ada@partner.example"), null, PartnerStatus.ACTIVE,
                null, T0));
        DynamoDbSignInPartners signIn = new DynamoDbSignInPartners(table.client(), table.config(), partners);
        assertEquals(ADA, signIn.byEmail(new EmailAddress("ADA@partner.example")).orElseThrow().id());
        assertEquals(Optional.empty(), signIn.byEmail(new EmailAddress("bob@partner.example")));
    }
}

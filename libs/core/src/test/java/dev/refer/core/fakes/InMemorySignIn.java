package dev.refer.core.fakes;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.signin.RateLimits;
import dev.refer.core.signin.Session;
import dev.refer.core.signin.Sessions;
import dev.refer.core.signin.SignInLinks;
import dev.refer.core.signin.SignInPartners;
import dev.refer.core.signin.TokenHash;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sign-in's ports in memory: partners, link tokens (by hash), window counters and sessions. */
public final class InMemorySignIn implements SignInPartners, SignInLinks, RateLimits, Sessions {

    public record StoredLink(PartnerId partnerId, Instant expiresAt) {
    }

    public final Map<PartnerId, Partner> partners = new LinkedHashMap<>();
    public final Map<TokenHash, StoredLink> links = new LinkedHashMap<>();
    public final Map<String, Integer> counters = new LinkedHashMap<>();
    public final Map<String, Session> sessions = new LinkedHashMap<>();

    public void add(Partner partner) {
        partners.put(partner.id(), partner);
    }

    @Override
    public synchronized Optional<Partner> byEmail(EmailAddress email) {
        return partners.values().stream().filter(p -> p.email().equals(email)).findFirst();
    }

    @Override
    public synchronized Optional<Partner> byId(PartnerId id) {
        return Optional.ofNullable(partners.get(id));
    }

    @Override
    public synchronized void save(TokenHash hash, PartnerId partnerId, Instant expiresAt) {
        links.put(hash, new StoredLink(partnerId, expiresAt));
    }

    @Override
    public synchronized Optional<PartnerId> consume(TokenHash hash, Instant now) {
        StoredLink link = links.get(hash);
        if (link == null || !now.isBefore(link.expiresAt())) {
            return Optional.empty();
        }
        links.remove(hash);
        return Optional.of(link.partnerId());
    }

    @Override
    public synchronized boolean admit(String scope, String subject, int limit, Instant windowStart, Instant windowEnd) {
        String key = scope + "#" + subject + "#" + windowStart;
        int count = counters.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        counters.put(key, count + 1);
        return true;
    }

    @Override
    public synchronized void create(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public synchronized Optional<Loaded> load(String sessionId, PartnerId partnerId) {
        Session session = sessions.get(sessionId);
        Partner partner = partners.get(partnerId);
        return session == null || partner == null ? Optional.empty()
                : Optional.of(new Loaded(session, partner.status(), partner.name()));
    }

    @Override
    public synchronized void touch(String sessionId, Instant lastSeenAt) {
        sessions.computeIfPresent(sessionId, (id, session) -> session.seenAt(lastSeenAt));
    }

    @Override
    public synchronized void delete(String sessionId) {
        sessions.remove(sessionId);
    }
}

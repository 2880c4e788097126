package dev.refer.core.signin;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The partner pressed the sign-in link's button: the token is used (once: a used, expired or unknown token signs no
 * one in) and, when its partner is still active, a session starts.
 */
public final class ConfirmSignIn {

    public sealed interface Outcome permits SignedIn, Refused {
    }

    public record SignedIn(Session session, Partner partner) implements Outcome {
    }

    /** Unknown, used, expired, malformed, or its partner no longer active: one answer for all. */
    public record Refused() implements Outcome {
    }

    private final SignInLinks links;
    private final SignInPartners partners;
    private final Sessions sessions;
    private final SignInPolicy policy;
    private final Secrets secrets;
    private final Clock clock;

    public ConfirmSignIn(SignInLinks links, SignInPartners partners, Sessions sessions, SignInPolicy policy,
                         Secrets secrets, Clock clock) {
        this.links = links;
        this.partners = partners;
        this.sessions = sessions;
        this.policy = policy;
        this.secrets = secrets;
        this.clock = clock;
    }

    public Outcome confirm(String token) {
        if (!Secrets.wellFormed(token)) {
            return new Refused();
        }
        Instant now = clock.instant();
        Optional<PartnerId> partnerId = links.consume(TokenHash.of(token), now);
        if (partnerId.isEmpty()) {
            return new Refused();
        }
        Optional<Partner> partner = partners.byId(partnerId.get()).filter(Partner::isActive);
        if (partner.isEmpty()) {
            return new Refused();
        }
        Session session = new Session(secrets.next(), partner.get().id(), secrets.next(), now, now,
                now.plus(policy.absolute()));
        sessions.create(session);
        return new SignedIn(session, partner.get());
    }
}

package dev.refer.core.signin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.consent.SuppressionList;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.SignInLetter;
import dev.refer.core.partner.Partner;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A partner asks for a sign-in link. The answer is the same whether a partner has the address or not (no one learns
 * who the partners are): both limits count every request before the address is looked up, and an address that is
 * no active partner's, or that bounced, gets no mail. Only the token's hash is stored.
 */
public final class RequestSignIn {

    static final String BY_IP = "signin-ip";
    static final String BY_ADDRESS = "signin-address";

    /** What happened behind the same answer; for the logs only, never for the caller. */
    public enum Delivery { SENT, NO_PARTNER, NOT_ACTIVE, BOUNCED, MAIL_FAILED }

    public sealed interface Outcome permits Accepted, TooManyRequests {
    }

    /** The answer to every well-formed request within the limits. */
    public record Accepted(Delivery delivery) implements Outcome {
    }

    /** An address or a source asked too often; try again at {@code retryAt}. */
    public record TooManyRequests(Instant retryAt) implements Outcome {
    }

    private final SignInPartners partners;
    private final SignInLinks links;
    private final RateLimits limits;
    private final SuppressionList suppressions;
    private final Mailer mailer;
    private final SignInPolicy policy;
    private final Secrets secrets;
    private final Clock clock;

    public RequestSignIn(SignInPartners partners, SignInLinks links, RateLimits limits, SuppressionList suppressions,
                         Mailer mailer, SignInPolicy policy, Secrets secrets, Clock clock) {
        this.partners = partners;
        this.links = links;
        this.limits = limits;
        this.suppressions = suppressions;
        this.mailer = mailer;
        this.policy = policy;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * @param email      as typed (validated here: a malformed one is the caller's mistake, answered as such)
     * @param sourceIp   the caller's address as API Gateway saw it
     * @param confirmUrl the portal's confirmation page; the token is appended as {@code ?token=}
     */
    public Outcome request(String email, String sourceIp, String confirmUrl) {
        EmailAddress address = new EmailAddress(email);
        Instant now = clock.instant();
        long window = SignInPolicy.RATE_WINDOW.toSeconds();
        Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() / window * window);
        Instant windowEnd = windowStart.plus(SignInPolicy.RATE_WINDOW);
        String source = sourceIp == null || sourceIp.isBlank() ? "unknown" : sourceIp;
        if (!limits.admit(BY_IP, source, policy.requestsPerIpPerHour(), windowStart, windowEnd)
                || !limits.admit(BY_ADDRESS, TokenHash.of(address.value()).value(), policy.linksPerAddressPerHour(),
                windowStart, windowEnd)) {
            return new TooManyRequests(windowEnd);
        }
        Optional<Partner> partner = partners.byEmail(address);
        if (partner.isEmpty()) {
            return new Accepted(Delivery.NO_PARTNER);
        }
        if (!partner.get().isActive()) {
            return new Accepted(Delivery.NOT_ACTIVE);
        }
        if (suppressions.bounced(address.value())) {
            return new Accepted(Delivery.BOUNCED);
        }
        String token = secrets.next();
        links.save(TokenHash.of(token), partner.get().id(), now.plus(SignInPolicy.LINK_LIFETIME));
        try {
            mailer.send(new SignInLetter(address, Locale.US, partner.get().name(), confirmUrl + "?token=" + token,
                    SignInPolicy.LINK_LIFETIME));
        } catch (Mailer.MailRefused | Mailer.MailUncertain e) {
            // the same answer: a failure here must not tell the caller that a partner has the address
            return new Accepted(Delivery.MAIL_FAILED);
        }
        return new Accepted(Delivery.SENT);
    }
}

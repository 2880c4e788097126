package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Sends a letter at most once per key. The key is claimed in the send log first, the letter sent, the message id
 * recorded. A crash between the send and the record leaves the key SENDING: that send may have gone out, so it is
 * never repeated on its own; it is reported as uncertain (the admin API shows the statement's state on the payout,
 * so the program manager can check with the partner).
 * A send the mail service refused releases the key, so a retry sends it.
 */
public final class SendOnce {

    public enum Outcome {
        SENT, ALREADY_SENT, UNCERTAIN,
        /** The address bounced before: nothing goes to it (recorded as skipped in the send log). */
        BOUNCED
    }

    private final MailLog log;
    private final Mailer mailer;
    private final Clock clock;
    private final Bounces bounces;

    public SendOnce(MailLog log, Mailer mailer, Clock clock) {
        this(log, mailer, clock, address -> false);
    }

    /** @param bounces addresses that bounced get nothing, not even transactional mail */
    public SendOnce(MailLog log, Mailer mailer, Clock clock, Bounces bounces) {
        this.log = log;
        this.mailer = mailer;
        this.clock = clock;
        this.bounces = bounces;
    }

    /**
     * What SendOnce needs of the suppression list, in its own words: whether an address bounced (consent keeps the
     * list and its reasons; the machinery that sends needs only this answer, so it does not depend on consent).
     */
    @FunctionalInterface
    public interface Bounces {
        /** @param address lower case */
        boolean bounced(String address);
    }

    /** Whether {@code key} was claimed in the send log (sent, being sent, or recorded as not sent). */
    public boolean claimed(String key) {
        return log.find(key).isPresent();
    }

    /** @param letter built only when this call claimed the key (its data may cost reads) */
    public Outcome send(String key, PartnerId partnerId, String kind, EmailAddress to,
                        Supplier<? extends Letter> letter) {
        if (bounces.bounced(to.value())) {
            var skippedBefore = log.skip(key, kind, partnerId, to.value(), "suppressed: bounce", clock.instant());
            if (skippedBefore.isEmpty()) {
                return Outcome.BOUNCED;
            }
            return skippedBefore.get().state() == MailLog.State.SENDING ? Outcome.UNCERTAIN : Outcome.ALREADY_SENT;
        }
        var held = log.claim(key, kind, partnerId, to.value(), clock.instant());
        if (held.isPresent()) {
            return held.get().state() == MailLog.State.SENDING ? Outcome.UNCERTAIN : Outcome.ALREADY_SENT;
        }
        Letter built;
        try {
            built = letter.get();
        } catch (RuntimeException e) {
            log.release(key); // nothing went out
            throw e;
        }
        String messageId;
        try {
            messageId = mailer.send(built);
        } catch (Mailer.MailRefused e) {
            log.release(key); // the mail service said no: a retry may send it
            throw e;
        }
        // any other failure leaves the claim SENDING: it may have gone out, and is never repeated on its own
        log.sent(key, messageId, clock.instant());
        return Outcome.SENT;
    }

    public Outcome send(String key, PartnerId partnerId, Letter letter) {
        return send(key, partnerId, letter.kind(), letter.to(), () -> letter);
    }
}

package dev.refer.core.mail;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Optional;

/**
 * Every email the program sends, one record per send key (e.g. {@code statement#{payoutId}}): claimed before the
 * send, completed with the mail service's message id after it. A key is sent at most once.
 */
public interface MailLog {

    enum State {
        /** Claimed, and the send's outcome not recorded: it may or may not have gone out. */
        SENDING,
        SENT,
        /** Decided not to send (a suppressed address, a partner who opted out): final, like SENT. */
        SKIPPED
    }

    record Entry(String key, String kind, PartnerId partnerId, String to, State state, String messageId,
                 Instant claimedAt, Instant sentAt) {
    }

    /** Claims the send of {@code key}; empty if this call claimed it, else the entry that holds it. */
    Optional<Entry> claim(String key, String kind, PartnerId partnerId, String to, Instant at);

    void sent(String key, String messageId, Instant at);

    /**
     * Records, once, that {@code key} is not sent and why ({@code reason}); empty if this call recorded it, else the
     * entry that holds the key (sent, being sent, or skipped before).
     */
    Optional<Entry> skip(String key, String kind, PartnerId partnerId, String to, String reason, Instant at);

    /** The mail service refused the send (nothing went out): the key may be claimed again. */
    void release(String key);

    Optional<Entry> find(String key);
}

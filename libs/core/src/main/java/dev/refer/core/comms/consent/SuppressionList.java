package dev.refer.core.comms.consent;

import java.util.Optional;

/** Addresses the program must not write to (fed by the mail service's bounce and complaint events). */
public interface SuppressionList {

    /** @param address lower case */
    Optional<Suppression> find(String address);

    /** Whether the address bounced (what the send log's {@link dev.refer.core.mail.SendOnce} refuses). */
    default boolean bounced(String address) {
        return find(address).filter(s -> s.reason() == Suppression.Reason.BOUNCE).isPresent();
    }

    /** Records it; a bounce is never downgraded to a complaint. */
    void record(Suppression suppression);
}

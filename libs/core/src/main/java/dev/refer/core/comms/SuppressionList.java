package dev.refer.core.comms;

import java.util.Optional;

/** Addresses the program must not write to (fed by the mail service's bounce and complaint events). */
public interface SuppressionList extends dev.refer.core.mail.SendOnce.SuppressionList {

    /** @param address lower case */
    @Override
    Optional<Suppression> find(String address);

    /** Records it; a bounce is never downgraded to a complaint. */
    void record(Suppression suppression);
}

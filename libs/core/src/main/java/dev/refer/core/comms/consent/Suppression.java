package dev.refer.core.comms.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * An address the program must not write to, as the mail service reported it: a permanent bounce (the address does
 * not take mail: nothing goes to it, not even statements) or a complaint (the recipient marked our mail as spam:
 * only transactional mail goes).
 */
public record Suppression(String address, Reason reason, Instant at, String detail) {

    public enum Reason {
        BOUNCE, COMPLAINT
    }

    public Suppression {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** Whether mail of this kind may still go to the address. */
    public boolean blocks(boolean transactional) {
        return reason == Reason.BOUNCE || !transactional;
    }
}

package dev.refer.core.upgrade;

import java.time.Instant;

/**
 * Brings stored items up to the shape the code writes, one data version at a time (run by the deploy, after the
 * stack is updated). Each upgrade is idempotent per item and records where it stands after every page, so a run cut
 * short (a timeout, a crash, a second deploy) is resumed by the next, never redone wrongly.
 */
public interface DataUpgrades {

    /** Upgrades until done or until {@code deadline}; the answer says which. */
    Progress upgrade(Instant deadline);

    /**
     * Where the data stands: {@code version} is the last data version every item has; {@code done} when that is the
     * code's; {@code upgraded} the items rewritten by this call.
     */
    record Progress(int version, int target, boolean done, long upgraded) {
    }
}

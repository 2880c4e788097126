package dev.refer.core.comms.mailing;

import dev.refer.core.mail.SendOnce;

/**
 * What became of an email to the program's own people (the program manager, sales): a check-in summary, a sales
 * alert or lead digest, a broadcast's preview. Sent once (the send log's outcome), or not sent, and why.
 */
public sealed interface TeamMail {

    /** For logs. */
    String label();

    record Sent(SendOnce.Outcome outcome) implements TeamMail {
        @Override
        public String label() {
            return outcome.name();
        }
    }

    record NotSent(Why why) implements TeamMail {
        @Override
        public String label() {
            return why.name();
        }
    }

    enum Why {
        /** No address to write to (no sales address and no program manager in the payout settings). */
        NOBODY_TO_TELL,
        /** Nothing to tell (no held-back lead for the digest; no such broadcast). */
        NOTHING_TO_TELL,
        /** Not yet: the run it reports on is not planned to the end (or the program is not configured). */
        NOT_READY,
        /** A flood: past the day's one-by-one limit, it waits in the day's lead digest. */
        HELD_FOR_DIGEST
    }
}

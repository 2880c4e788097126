package dev.refer.core.comms.mailing;

/**
 * What became of one partner's email of a campaign (a check-in, a broadcast, a digest): delivered (with the
 * delivery's outcome, which a run counts), or not written, and why. Each reason its own value, so a log and a count
 * never read "empty" as one of several things.
 */
public sealed interface Mailed {

    /** The run's count of the email's settled fate; null when nothing is counted (not written, or uncertain). */
    String tally();

    /** For logs. */
    String label();

    record Delivered(Deliver.Outcome outcome) implements Mailed {
        @Override
        public String tally() {
            return outcome.tally();
        }

        @Override
        public String label() {
            return outcome.name();
        }
    }

    record NotWritten(Why why) implements Mailed {
        @Override
        public String tally() {
            return null;
        }

        @Override
        public String label() {
            return why.name();
        }
    }

    enum Why {
        /** The partner is no longer in the program. */
        PARTNER_GONE,
        /** The partner is paused or ended: campaigns write to active partners. */
        PARTNER_INACTIVE,
        /** The broadcast is gone or not (or no longer) being sent; the terms version is no longer the current one. */
        NOT_SENDING,
        /** The day's digest of the topic has nothing in it. */
        NOTHING_TO_SAY
    }
}

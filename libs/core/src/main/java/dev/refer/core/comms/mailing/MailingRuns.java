package dev.refer.core.comms.mailing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The state of each campaign's run: where its planning stands (a cursor moved only forward, by one planning step
 * at a time) and what its emails came to.
 */
public interface MailingRuns {

    String DONE = "~done";

    /**
     * @param cursor  the next page to plan (null: the first; {@link #DONE}: planning is over)
     * @param planned partners planned so far
     * @param counts  per outcome (sent, suppressed, opted_out, failed): emails decided so far
     * @param last    the planning step that moved the cursor last (null before the first)
     */
    record Run(Campaign campaign, Instant startedAt, String cursor, long planned, Map<String, Long> counts,
               LastStep last) {
        public Run {
            counts = Map.copyOf(counts);
        }

        public boolean planningDone() {
            return DONE.equals(cursor);
        }
    }

    /**
     * The planning step that moved the cursor last: the page it planned ({@code cursor}, null for the first) and the
     * step's id (one per step message; a redelivery of that message carries it again, a duplicate step does not).
     */
    record LastStep(String cursor, String stepId) {
    }

    /** Starts the campaign's run, or returns the one started before. */
    Run start(Campaign campaign, Instant at);

    Optional<Run> find(Campaign campaign);

    /**
     * Moves the cursor from {@code from} to {@code to}, adds {@code planned} and records step {@code stepId} as the
     * last mover; false (nothing changed) when the cursor is not at {@code from} (the step was done before).
     */
    boolean advance(Campaign campaign, String from, String to, int planned, String stepId);

    /** Adds one email's outcome to the run's counts. */
    void count(Campaign campaign, String outcome);

    /**
     * Counts the settled fate of the email {@code sendKey} of the campaign once, however often its delivery is
     * repeated (the count and a mark on the email's send-log entry are written together).
     */
    void countOnce(Campaign campaign, String outcome, String sendKey);
}

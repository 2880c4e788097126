package dev.refer.core.conversion;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.program.Program;

import java.time.Instant;

/**
 * A billing event is dated by its own {@code occurredAt} (signed with it), so a delivery retried for hours lands in
 * the right month and window; within sane bounds: not in the future beyond clock skew, not older than the program's
 * {@code maxEventAgeDays} (a sale cannot be backdated into a closed month or a long-gone click's window).
 */
final class EventTime {

    private EventTime() {
    }

    static void check(Instant occurredAt, Instant now, Program program) {
        if (occurredAt.isAfter(now.plus(AttributionPolicy.CLOCK_SKEW))) {
            throw Invalid.field("occurredAt", "must not be in the future (more than "
                    + AttributionPolicy.CLOCK_SKEW.toMinutes() + " minutes ahead)");
        }
        if (occurredAt.isBefore(now.minus(program.maxEventAge()))) {
            throw Invalid.field("occurredAt", "must be within the last " + program.maxEventAgeDays()
                    + " days (the program's maxEventAgeDays)");
        }
    }

    /**
     * Checks the event's time as {@link #check} does, except for a redelivery: an event out of bounds that was recorded
     * while it was in bounds is a duplicate, not an error. True for such a redelivery, false for an event in bounds;
     * {@link Invalid} for a new event out of bounds.
     */
    static boolean isLateRedelivery(ConversionCommand command, Instant now, Program program, OrderBook orders) {
        try {
            check(command.occurredAt(), now, program);
            return false;
        } catch (Invalid outOfBounds) {
            if (orders.evidence(new Evidence.Query(command.eventId(), null, null, null, null)).eventRecorded()) {
                return true;
            }
            throw outOfBounds;
        }
    }
}

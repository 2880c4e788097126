package dev.refer.core.conversion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A subscription bought through a hosted checkout is reported twice: by the checkout session, which carries who
 * referred the buyer (the click id or code the company's page put into it), and by the subscription's first invoice,
 * which does not. Both record one conversion (the first invoice's sale, under the invoice's id), so whichever comes
 * first decides its evidence, and billing systems deliver out of order. So a first invoice waits for its checkout
 * session for a short {@link #GRACE} after it was reported: while the sale is not recorded, it is answered
 * {@link Result.Waiting} (nothing stored; the sender delivers it again), and once the session recorded the sale it is
 * a duplicate. Past the grace (a subscription made without a checkout session, which no session will follow), it is
 * recorded with its own evidence. Costs one key read while waiting, none after.
 */
public final class AwaitCheckout {

    /** How long a first invoice waits for its session: a checkout's events are sent within seconds of each other. */
    public static final Duration GRACE = Duration.ofMinutes(10);

    /** How a first invoice ended: recorded (or a duplicate), or to be delivered again. */
    public sealed interface Result {
        record Done(ConversionResult result) implements Result {
        }

        record Waiting(Instant until) implements Result {
        }
    }

    private final RecordSale recordSale;
    private final OrderBook orders;
    private final Clock clock;

    public AwaitCheckout(RecordSale recordSale, OrderBook orders, Clock clock) {
        this.recordSale = recordSale;
        this.orders = orders;
        this.clock = clock;
    }

    /** @param reportedAt when the billing system reported the invoice paid (its event's time) */
    public Result firstInvoice(ConversionCommand command, Instant reportedAt) {
        Instant until = reportedAt.plus(GRACE);
        if (clock.instant().isBefore(until)) {
            if (orders.evidence(new Evidence.Query(command.eventId(), null, null, null, null)).eventRecorded()) {
                return new Result.Done(new ConversionResult.AlreadyRecorded(command.eventId()));
            }
            return new Result.Waiting(until);
        }
        return new Result.Done(recordSale.record(command));
    }
}

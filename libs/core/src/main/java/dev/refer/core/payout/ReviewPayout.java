package dev.refer.core.payout;

import dev.refer.core.basics.validation.Invalid;

import java.time.Clock;
import java.util.Optional;

/**
 * The program manager settles a payout: paid (with the transfer's reference), or failed (with a reason): its entries
 * go back to the partner's balance and are paid by a later run. Repeating a request that was done answers the same,
 * and so does a move whose write succeeded but whose answer was lost (the store's retry then meets its own condition):
 * the payout is read again, and found moved the way asked, the job is finished (a failed payout's entries returned).
 */
public final class ReviewPayout {

    public sealed interface Result {
        record Done(Payout payout) implements Result {
        }

        record NotFound() implements Result {
        }

        /** The payout is not in a state that allows it (e.g. already paid, or still being made). */
        record Conflict(Payout payout, String why) implements Result {
        }
    }

    private final PayoutBook book;
    private final Clock clock;

    public ReviewPayout(PayoutBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public Result markPaid(PayoutId id, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw Invalid.field("reference", "is required, at most 200 characters");
        }
        Optional<Payout> payout = book.find(id);
        if (payout.isEmpty()) {
            return new Result.NotFound();
        }
        if (payout.get().status() == PayoutStatus.PAID && reference.equals(payout.get().reference())) {
            return new Result.Done(payout.get());
        }
        Optional<Payout> settled = book.settle(id, reference, clock.instant());
        if (settled.isPresent()) {
            return new Result.Done(settled.get());
        }
        Payout now = book.find(id).orElseThrow();
        if (now.status() == PayoutStatus.PAID && reference.equals(now.reference())) {
            return new Result.Done(now); // our own write, whose answer was lost
        }
        return new Result.Conflict(now, "only a READY payout can be marked paid");
    }

    public Result markFailed(PayoutId id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Invalid.field("reason", "is required, at most 500 characters");
        }
        Optional<Payout> payout = book.find(id);
        if (payout.isEmpty()) {
            return new Result.NotFound();
        }
        Payout failed = payout.get();
        if (failed.status() != PayoutStatus.FAILED) {
            Optional<Payout> moved = book.fail(id, reason, clock.instant());
            if (moved.isPresent()) {
                failed = moved.get();
            } else {
                failed = book.find(id).orElseThrow();
                if (failed.status() != PayoutStatus.FAILED) {
                    return new Result.Conflict(failed, "only a READY payout can be marked failed");
                }
                // failed meanwhile (our own write whose answer was lost, or a concurrent request): finish the job
            }
        }
        if (!failed.returned()) {
            book.returnEntries(id, clock.instant());
            failed = book.find(id).orElseThrow();
        }
        return new Result.Done(failed);
    }
}

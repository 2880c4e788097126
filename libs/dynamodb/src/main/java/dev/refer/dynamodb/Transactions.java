package dev.refer.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs write transactions. A refusal comes back as a {@link Cancellation} to be translated by the caller, never as
 * an exception that could be mistaken for success or for a server error.
 *
 * <p>The SDK gives each TransactWriteItems call an idempotency token ({@code ClientRequestToken}) that its own
 * retries reuse, so a transaction whose response was lost is not refused by its own first write on the retry.
 */
public final class Transactions {

    /** For ports without a "conflict, retry" outcome: the first try plus three retries. */
    static final int CONFLICT_ATTEMPTS = 4;

    private final DynamoDbClient client;

    public Transactions(DynamoDbClient client) {
        this.client = client;
    }

    /** Empty when everything was written; the cancellation when nothing was. */
    public Optional<Cancellation> write(List<TransactWriteItem> items) {
        try {
            client.transactWriteItems(request -> request.transactItems(items));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            return Optional.of(new Cancellation(e));
        }
    }

    /**
     * Like {@link #write}, but a cancellation caused by a concurrent transaction (and no failed condition) is
     * retried after a short random pause, a bounded number of times, then thrown: for ports whose outcomes have no
     * "try again" (the concurrent writer usually decides the outcome, e.g. a duplicate, on the retry).
     */
    public Optional<Cancellation> writeRetryingConflicts(Supplier<List<TransactWriteItem>> items) {
        for (int attempt = 1; ; attempt++) {
            Optional<Cancellation> cancelled = write(items.get());
            if (cancelled.isEmpty() || !onlyConflict(cancelled.get())) {
                return cancelled;
            }
            if (attempt == CONFLICT_ATTEMPTS) {
                throw cancelled.get().unexpected();
            }
            pause(attempt);
        }
    }

    private static boolean onlyConflict(Cancellation cancellation) {
        return cancellation.conflict() && !cancellation.anyConditionFailed();
    }

    private static void pause(int attempt) {
        Backoff.pause(attempt);
    }
}

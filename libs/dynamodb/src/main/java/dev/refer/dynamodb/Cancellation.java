package dev.refer.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

/**
 * Why DynamoDB refused a transaction, item by item (reasons come in the order of the transaction's items). A
 * cancelled transaction wrote nothing; each adapter turns the reasons into its port's outcome.
 */
public final class Cancellation {

    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final String NONE = "None";

    private final TransactionCanceledException exception;
    private final List<CancellationReason> reasons;

    Cancellation(TransactionCanceledException exception) {
        this.exception = exception;
        this.reasons = exception.hasCancellationReasons() ? exception.cancellationReasons() : List.of();
    }

    /** True when the condition of the item at {@code index} failed (e.g. a uniqueness guard already exists). */
    public boolean conditionFailed(int index) {
        return index >= 0 && index < reasons.size() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
    }

    public boolean anyConditionFailed() {
        return reasons.stream().anyMatch(reason -> CONDITIONAL_CHECK_FAILED.equals(reason.code()));
    }

    /** The item as it was, for a failed condition whose put asked for it (ALL_OLD); empty when not returned. */
    public Map<String, AttributeValue> oldItem(int index) {
        if (index < 0 || index >= reasons.size() || !reasons.get(index).hasItem()) {
            return Map.of();
        }
        return reasons.get(index).item();
    }

    /** True when another transaction was writing one of the items at the same time; a retry may succeed. */
    public boolean conflict() {
        return reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()));
    }

    /** For reasons no outcome of the port covers (throttling, validation, ...): fail loudly with them. */
    public IllegalStateException unexpected() {
        return new IllegalStateException("transaction cancelled: "
                + reasons.stream().map(reason -> reason.code() == null ? NONE : reason.code()).toList(), exception);
    }
}

package dev.refer.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB client whose transactions are refused with scripted reasons, for the outcomes DynamoDB Local does not
 * produce on demand (it serialises transactions, so it never reports a TransactionConflict). GetItem answers the
 * scripted items in turn (none: no item); every other call is unsupported.
 */
final class ScriptedTransactionsClient implements DynamoDbClient {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private record Refusal(List<String> codes, Map<String, AttributeValue> oldItem) {
    }

    private final Deque<Refusal> refusals = new ArrayDeque<>();
    final List<TransactWriteItemsRequest> requests = new ArrayList<>();
    private final Deque<Map<String, AttributeValue>> items = new ArrayDeque<>();

    /** The next GetItem finds {@code item} (an empty map: no item). */
    ScriptedTransactionsClient answerGet(Map<String, AttributeValue> item) {
        items.add(item);
        return this;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        Map<String, AttributeValue> item = items.poll();
        return item == null || item.isEmpty() ? GetItemResponse.builder().build()
                : GetItemResponse.builder().item(item).build();
    }

    /** The next transaction is cancelled with these reason codes, one per item ("None" for an item that was fine). */
    ScriptedTransactionsClient refuse(String... codes) {
        refusals.add(new Refusal(Arrays.asList(codes), Map.of()));
        return this;
    }

    /** Like {@link #refuse(String...)}, returning {@code oldItem} with each failed condition (ALL_OLD). */
    ScriptedTransactionsClient refuseReturning(Map<String, AttributeValue> oldItem, String... codes) {
        refusals.add(new Refusal(Arrays.asList(codes), oldItem));
        return this;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        requests.add(request);
        Refusal refusal = refusals.poll();
        if (refusal == null) {
            return TransactWriteItemsResponse.builder().build();
        }
        throw TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + refusal.codes())
                .cancellationReasons(refusal.codes().stream().map(code -> CancellationReason.builder()
                        .code(code)
                        .item(CONDITION_FAILED.equals(code) && !refusal.oldItem().isEmpty() ? refusal.oldItem() : null)
                        .build()).toList())
                .build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}

package dev.refer.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * An SDK interceptor on a benchmark's client: asks DynamoDB for the capacity every call consumes
 * (ReturnConsumedCapacity=TOTAL) and sums it, and can record the requests a handler issues so the benchmark can
 * replay exactly the same writes raw. Also times each operation (from the SDK's start of the call to its end), so a
 * section can say where a request's time goes.
 */
final class DynamoDbMeter implements ExecutionInterceptor {

    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
    final LongAdder calls = new LongAdder();
    final List<SdkRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    /** Per operation name: [calls, nanos]. */
    final Map<String, LongAdder[]> operations = new ConcurrentHashMap<>();
    volatile boolean recording;

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    void reset() {
        readUnits.reset();
        writeUnits.reset();
        calls.reset();
        recorded.clear();
        operations.clear();
    }

    /** Mean milliseconds per call of {@code operation} since the last reset (0 if none). */
    double meanMillis(String operation) {
        LongAdder[] figures = operations.get(operation);
        return figures == null || figures[0].sum() == 0 ? 0 : figures[1].sum() / 1e6 / figures[0].sum();
    }

    long count(String operation) {
        LongAdder[] figures = operations.get(operation);
        return figures == null ? 0 : figures[0].sum();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case TransactWriteItemsRequest r ->
                    r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            default -> context.request();
        };
        if (recording) {
            recorded.add(request);
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.increment();
        Long started = attributes.getAttribute(STARTED);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (started != null && operation != null) {
            LongAdder[] figures = operations.computeIfAbsent(operation, name -> new LongAdder[]{new LongAdder(),
                    new LongAdder()});
            figures[0].increment();
            figures[1].add(System.nanoTime() - started);
        }
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> add(r.consumedCapacity(), false);
            case QueryResponse r -> add(r.consumedCapacity(), false);
            case PutItemResponse r -> add(r.consumedCapacity(), true);
            case UpdateItemResponse r -> add(r.consumedCapacity(), true);
            case TransactWriteItemsResponse r -> r.consumedCapacity().forEach(c -> add(c, true));
            case BatchGetItemResponse r -> r.consumedCapacity().forEach(c -> add(c, false));
            default -> {
            }
        }
    }

    private void add(ConsumedCapacity capacity, boolean write) {
        if (capacity == null || capacity.capacityUnits() == null) {
            return;
        }
        (write ? writeUnits : readUnits).add(capacity.capacityUnits());
    }
}

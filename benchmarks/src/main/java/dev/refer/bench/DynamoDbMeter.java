package dev.refer.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * An SDK interceptor on a benchmark's client: asks DynamoDB for the capacity every call consumes
 * (ReturnConsumedCapacity=TOTAL) and sums it, and can record the requests a handler issues so the benchmark can
 * replay exactly the same writes raw.
 */
final class DynamoDbMeter implements ExecutionInterceptor {

    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();
    final LongAdder calls = new LongAdder();
    final List<SdkRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    volatile boolean recording;

    void reset() {
        readUnits.reset();
        writeUnits.reset();
        calls.reset();
        recorded.clear();
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
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> add(r.consumedCapacity(), false);
            case QueryResponse r -> add(r.consumedCapacity(), false);
            case PutItemResponse r -> add(r.consumedCapacity(), true);
            case UpdateItemResponse r -> add(r.consumedCapacity(), true);
            case TransactWriteItemsResponse r -> r.consumedCapacity().forEach(c -> add(c, true));
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

package dev.refer.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the round trips a client makes: each request sent over the wire, by its operation's name (an SDK retry is
 * another round trip). Sits on the client a handler's wiring is given, so a test can say what one event costs.
 */
public final class RoundTrips implements ExecutionInterceptor {

    private final List<String> operations = new ArrayList<>();

    @Override
    public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The operations sent since the last call, in order; starts counting afresh. */
    public synchronized List<String> take() {
        List<String> sent = List.copyOf(operations);
        operations.clear();
        return sent;
    }
}

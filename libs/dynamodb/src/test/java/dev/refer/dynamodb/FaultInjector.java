package dev.refer.dynamodb;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the Nth call of the client it sits on, once: BEFORE the request leaves (nothing happened on the service's
 * side, as with a connection refused), or AFTER the service acted on it (the response is lost, as with a timeout on
 * the way back). Counts every call, so a clean run tells how many calls a run makes. Sits on any SDK client
 * (DynamoDB, SQS, SES): the fault tests of the payout run and of the mail queue use it.
 */
public final class FaultInjector implements ExecutionInterceptor {

    public enum When { BEFORE, AFTER }

    private final int failAt;
    private final When when;
    private final RuntimeException fault;
    public final AtomicInteger calls = new AtomicInteger();
    public volatile boolean fired;

    /** @param failAt the 1-based call to fail; 0 never fails (counting only) */
    public FaultInjector(int failAt, When when, RuntimeException fault) {
        this.failAt = failAt;
        this.when = when;
        this.fault = fault;
    }

    public static FaultInjector counting() {
        return new FaultInjector(0, When.BEFORE, null);
    }

    public static FaultInjector at(int call, When when) {
        return new FaultInjector(call, when, SdkClientException.create("injected fault at call " + call + " ("
                + when.name().toLowerCase() + " the request)"));
    }

    public static FaultInjector at(int call, When when, RuntimeException fault) {
        return new FaultInjector(call, when, fault);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int call = calls.incrementAndGet();
        if (call == failAt && when == When.BEFORE) {
            fired = true;
            throw fault;
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (calls.get() == failAt && when == When.AFTER && !fired) {
            fired = true;
            throw fault;
        }
        return context.httpResponse();
    }
}

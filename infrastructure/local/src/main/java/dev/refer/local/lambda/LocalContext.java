package dev.refer.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.util.UUID;

/** The Lambda context of one local invocation: its own request id and a deadline from the function's Timeout. */
final class LocalContext implements Context {

    static final String ACCOUNT_ID = "123456789012";
    static final String REGION = "us-east-1";

    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final int memoryLimitMb;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LocalContext(String functionName, int timeoutSeconds, int memoryLimitMb, LambdaLogger logger) {
        this.functionName = functionName;
        this.memoryLimitMb = memoryLimitMb;
        this.deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Time left before the function's Timeout; it can go negative, since nothing stops a local invocation. */
    @Override
    public int getRemainingTimeInMillis() {
        return (int) ((deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}

package dev.refer.dynamodb;

import dev.refer.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The DynamoDB client of a function ({@link AwsClients}), with {@link Priming}'s interceptor: every client refuses
 * writes inside {@link Priming#refused}, for SnapStart priming. The endpoint is deliberately not fixed in code: the
 * SDK reads {@code AWS_ENDPOINT_URL_DYNAMODB} (or {@code aws.endpointUrlDynamoDb}) itself, and a function's
 * environment may name one, so the same jar runs unchanged against AWS, the local stack and DynamoDB Local.
 */
public final class DynamoDbClients {

    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";

    private DynamoDbClients() {
    }

    /** A client configured by this process's environment and system properties. */
    public static DynamoDbClient create() {
        return create(Map.of(), List.of());
    }

    /** A client for a function's environment (its region and endpoint variables). */
    public static DynamoDbClient create(Map<String, String> env) {
        return create(env, List.of());
    }

    /** The same client with interceptors added (benchmarks meter consumed capacity this way). */
    public static DynamoDbClient create(List<ExecutionInterceptor> interceptors) {
        return create(Map.of(), interceptors);
    }

    public static DynamoDbClient create(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(new Priming());
        return AwsClients.build(DynamoDbClient.builder(), env.isEmpty() ? System.getenv() : env, ENDPOINT_VARIABLE,
                all);
    }

    public static AwsCredentialsProvider credentials() {
        return AwsClients.credentials();
    }

    public static Region region(Map<String, String> env, Properties systemProperties) {
        return AwsClients.region(env, systemProperties);
    }
}

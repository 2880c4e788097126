package dev.refer.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The one way functions build their DynamoDB client: once per execution environment, explicitly configured so that
 * nothing is discovered slowly at cold start. The endpoint is deliberately not set here: the SDK reads
 * {@code AWS_ENDPOINT_URL_DYNAMODB} (or the {@code aws.endpointUrlDynamoDb} system property) by itself, so the same
 * jar runs unchanged against AWS, the local stack and DynamoDB Local.
 */
public final class DynamoDbClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** Below the functions' 10 s Lambda timeout, so a stuck call fails inside the handler and is logged. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);

    private DynamoDbClients() {
    }

    /**
     * A client for the region in {@code AWS_REGION} (or the {@code aws.region} system property), with credentials
     * as {@link #credentials()} finds them.
     *
     * @throws IllegalStateException naming AWS_REGION when no region is configured
     */
    public static DynamoDbClient create() {
        return create(List.of());
    }

    /**
     * The same client with interceptors added (benchmarks meter consumed capacity this way). Every client refuses
     * writes inside {@link Priming#refused}, for SnapStart priming.
     */
    public static DynamoDbClient create(List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.add(new Priming());
        return DynamoDbClient.builder()
                .region(region(System.getenv(), System.getProperties()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(API_CALL_TIMEOUT)
                        .executionInterceptors(all))
                .build();
    }

    /**
     * Lambda hands a function its role's credentials in environment variables, except with SnapStart, where they come
     * from the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, refreshed by the provider after a
     * restore). The local stack and tests use system properties. No profile files, no instance metadata: nothing
     * slow is probed at cold start.
     */
    static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build(),
                        SystemPropertyCredentialsProvider.create())
                .build();
    }

    static Region region(Map<String, String> env, Properties systemProperties) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = systemProperties.getProperty("aws.region");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalStateException(
                    "AWS_REGION is not set: set the AWS_REGION environment variable"
                            + " (or the aws.region system property)");
        }
        return Region.of(region.strip());
    }
}

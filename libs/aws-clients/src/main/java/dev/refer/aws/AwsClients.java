package dev.refer.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The one way functions build their AWS SDK clients: once per execution environment, explicitly configured so that
 * nothing is discovered slowly at cold start. Region from {@code AWS_REGION}; credentials from the environment, or
 * the container credentials endpoint under SnapStart (refreshed after a restore), or system properties locally; the
 * URLConnection HTTP client; timeouts below the functions' Lambda timeout. The endpoint is the service's standard
 * variable ({@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}) in the function's environment, which in
 * Lambda is the process environment the SDK reads anyway; the local stack gives each function its own.
 */
public final class AwsClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** Below the functions' 10 s Lambda timeout, so a stuck call fails inside the handler and is logged. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(6);

    private AwsClients() {
    }

    /**
     * Configures {@code builder} and builds the client.
     *
     * @param endpointVariable the service's variable, e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}
     * @throws IllegalStateException naming AWS_REGION when no region is configured
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Map<String, String> env, String endpointVariable, List<ExecutionInterceptor> interceptors) {
        return build(builder, env, endpointVariable, interceptors, false);
    }

    /**
     * @param noRetries true for calls that must not be repeated by the SDK when their outcome is unknown (sending an
     *                  email: a retry after a timeout may send it twice); the caller decides what to retry
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Map<String, String> env, String endpointVariable, List<ExecutionInterceptor> interceptors,
            boolean noRetries) {
        builder.region(region(env, System.getProperties()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(config -> {
                    config.apiCallTimeout(API_CALL_TIMEOUT).executionInterceptors(interceptors);
                    if (noRetries) {
                        config.retryStrategy(retry -> retry.maxAttempts(1));
                    }
                });
        String endpoint = endpoint(env, endpointVariable);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** The endpoint a function's environment names for a service (its own variable, else the generic one). */
    public static String endpoint(Map<String, String> env, String serviceVariable) {
        String value = env.get(serviceVariable);
        if (value == null || value.isBlank()) {
            value = env.get("AWS_ENDPOINT_URL");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Lambda hands a function its role's credentials in environment variables, except with SnapStart, where they come
     * from the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, refreshed by the provider after a
     * restore). The local stack and tests use system properties. No profile files, no instance metadata: nothing
     * slow is probed at cold start.
     */
    public static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build(),
                        SystemPropertyCredentialsProvider.create())
                .build();
    }

    /** The region in the environment's {@code AWS_REGION}, else the {@code aws.region} system property. */
    public static Region region(Map<String, String> env, Properties systemProperties) {
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

package dev.refer.local;

import dev.refer.emulators.DynamoDbLocal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every AWS SDK v2 client of this JVM shares with the emulators, through the SDK's standard configuration
 * (JVM system properties): region, credentials and the HTTP client. Endpoints are not among them: each function gets
 * its own in its environment ({@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL}), as a Lambda function reads
 * them, so a test can put a recorder in front of one function's calls. Closing restores what was there before, for
 * tests that start several stacks in one JVM.
 */
final class AwsSdkSystemProperties implements AutoCloseable {

    static final String REGION = DynamoDbLocal.REGION.id();

    private final Map<String, String> previous = new LinkedHashMap<>();

    private AwsSdkSystemProperties(Map<String, String> values) {
        values.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    }

    static AwsSdkSystemProperties apply(DynamoDbLocal dynamoDb) {
        Map<String, String> values = new LinkedHashMap<>(dynamoDb.sdkSystemProperties());
        values.keySet().removeIf(name -> name.startsWith("aws.endpointUrl"));
        // The local classpath holds several HTTP clients (DynamoDB Local brings its own); a client built without an
        // explicit one gets the light one a function jar ships with, instead of failing on the ambiguity.
        values.put("software.amazon.awssdk.http.service.impl",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        return new AwsSdkSystemProperties(values);
    }

    /** A client of the stack's own (creating its queues and secrets) on {@code endpoint}, with the light HTTP client. */
    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder,
                                                                                                URI endpoint) {
        return builder.endpointOverride(endpoint)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}

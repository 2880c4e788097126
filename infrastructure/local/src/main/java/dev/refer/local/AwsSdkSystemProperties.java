package dev.refer.local;

import dev.refer.emulators.DynamoDbLocal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every AWS SDK v2 client of this JVM at the emulators through the SDK's standard configuration (JVM system
 * properties, which the SDK reads before the AWS_* environment variables), so the handlers build their clients exactly
 * as in Lambda. Closing restores what was there before, for tests that start several stacks in one JVM.
 */
final class AwsSdkSystemProperties implements AutoCloseable {

    static final String REGION = DynamoDbLocal.REGION.id();

    private final Map<String, String> previous = new LinkedHashMap<>();

    private AwsSdkSystemProperties(Map<String, String> values) {
        values.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    }

    static AwsSdkSystemProperties apply(DynamoDbLocal dynamoDb, URI moto) {
        Map<String, String> values = new LinkedHashMap<>(dynamoDb.sdkSystemProperties());
        // SES v2 by its service-specific name (AWS_ENDPOINT_URL_SESV2 <-> aws.endpointUrlSesV2)
        values.put("aws.endpointUrlSesV2", moto.toString());
        // Every other service (SQS, Scheduler, Secrets Manager, S3...) goes to moto.
        values.put("aws.endpointUrl", moto.toString());
        // The local classpath holds several HTTP clients (DynamoDB Local brings its own); a client built without an
        // explicit one gets the light one a function jar ships with, instead of failing on the ambiguity.
        values.put("software.amazon.awssdk.http.service.impl",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        return new AwsSdkSystemProperties(values);
    }

    /**
     * A client of the stack's own (creating its queues and secrets), built the plain way so the system properties
     * point it at moto, with the light HTTP client the functions use.
     */
    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
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

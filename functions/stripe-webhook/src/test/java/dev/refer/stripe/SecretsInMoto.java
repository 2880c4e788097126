package dev.refer.stripe;

import dev.refer.emulators.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;
import java.util.UUID;

/** The Stripe webhook's signing secrets in Secrets Manager, emulated by moto, as the function reads them on AWS. */
final class SecretsInMoto implements AutoCloseable {

    private final MotoServer moto = MotoServer.start();
    private final SecretsManagerClient client = SecretsManagerClient.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    /** A new secret holding {@code value}; returns its name. */
    String create(String value) {
        String name = "refer/stripe-webhook-" + UUID.randomUUID();
        client.createSecret(r -> r.name(name).secretString(value));
        return name;
    }

    /** A rotation: {@code value} becomes AWSCURRENT, the value before it AWSPREVIOUS. */
    void rotate(String name, String value) {
        client.putSecretValue(r -> r.secretId(name).secretString(value));
    }

    /** What a function's environment names: the secret, and moto as Secrets Manager's endpoint. */
    Map<String, String> environment(String name) {
        return Map.of("STRIPE_WEBHOOK_SECRET_ID", name, "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());
    }

    @Override
    public void close() {
        client.close();
        moto.close();
    }
}

package dev.refer.testkit.secrets;

import dev.refer.emulators.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A function's signing secrets in Secrets Manager, emulated by moto, as the function reads them on AWS. Needs
 * {@code refer-emulators} and {@code secretsmanager} on the test's class path (optional dependencies of the testkit,
 * which the webhook functions have).
 */
public final class SecretsInMoto implements AutoCloseable {

    private final String secretIdVariable;
    private final MotoServer moto = MotoServer.start();
    private final SecretsManagerClient client = SecretsManagerClient.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    /** @param secretIdVariable the environment variable the function reads its secret's name from */
    public SecretsInMoto(String secretIdVariable) {
        this.secretIdVariable = secretIdVariable;
    }

    /** A new secret holding {@code value}; returns its name. */
    public String create(String value) {
        String name = "refer/" + secretIdVariable.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + UUID.randomUUID();
        client.createSecret(r -> r.name(name).secretString(value));
        return name;
    }

    /** A rotation: {@code value} becomes AWSCURRENT, the value before it AWSPREVIOUS. */
    public void rotate(String name, String value) {
        client.putSecretValue(r -> r.secretId(name).secretString(value));
    }

    /** What a function's environment names: the secret, and moto as Secrets Manager's endpoint. */
    public Map<String, String> environment(String name) {
        return Map.of(secretIdVariable, name, "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());
    }

    @Override
    public void close() {
        client.close();
        moto.close();
    }
}

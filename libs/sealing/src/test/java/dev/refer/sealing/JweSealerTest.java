package dev.refer.sealing;

import dev.refer.emulators.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealing with keys from Secrets Manager (moto), through rotations, as the portal and the admin API do on AWS. */
class JweSealerTest {

    private static final String PLAIN = "m=bank_transfer&h=Anna&i=DE89370400440532013000&b=COBADEFF";
    private static MotoServer moto;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        client = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        moto.close();
    }

    private static String secret() {
        String name = "refer/payout-details-" + UUID.randomUUID();
        client.createSecret(r -> r.name(name).secretString(random()));
        return name;
    }

    private static String random() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    @Test
    void sealsAsJweDirA256Gcm_withTheVersionAsKid_andOpens() {
        String name = secret();
        JweSealer sealer = new JweSealer(SealingKeys.fromSecretsManager(client, name));
        String sealed = sealer.seal(PLAIN, "partner-a");
        assertEquals(5, sealed.split("\\.").length, "JWE compact serialisation");
        String header = new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[0]));
        assertTrue(header.contains("\"alg\":\"dir\"") && header.contains("\"enc\":\"A256GCM\""), header);
        String current = client.getSecretValue(r -> r.secretId(name)).versionId();
        assertTrue(header.contains("\"kid\":\"" + current + "\""), header);
        assertFalse(sealed.contains("DE89"), "no plain text");
        assertEquals(PLAIN, sealer.open(sealed, "partner-a"));
        assertNotEquals(sealed, sealer.seal(PLAIN, "partner-a"), "a fresh IV each time");
    }

    @Test
    void aRotation_stillOpensWhatWasSealedBefore_andSealsWithTheNewKey() {
        String name = secret();
        JweSealer before = new JweSealer(SealingKeys.fromSecretsManager(client, name));
        String old = before.seal(PLAIN, "partner-a");
        client.putSecretValue(r -> r.secretId(name).secretString(random()));

        JweSealer after = new JweSealer(SealingKeys.fromSecretsManager(client, name));
        assertEquals(PLAIN, after.open(old, "partner-a"), "AWSPREVIOUS still opens");
        String fresh = after.seal(PLAIN, "partner-a");
        assertEquals(PLAIN, before.open(fresh, "partner-a"),
                "an environment started before the rotation reads the keys again for an unknown version");

        client.putSecretValue(r -> r.secretId(name).secretString(random()));
        JweSealer twoLater = new JweSealer(SealingKeys.fromSecretsManager(client, name));
        assertEquals(PLAIN, twoLater.open(old, "partner-a"),
                "two rotations later the oldest version is read by its id");
        assertEquals(PLAIN, twoLater.open(fresh, "partner-a"));

        JweSealer stagesOnly = new JweSealer(new SealingKeys(() -> Map.of("other", random())));
        assertThrows(IllegalStateException.class, () -> stagesOnly.open(old, "partner-a"),
                "a version the secret does not have does not open");
    }

    @Test
    void anotherContext_orATamperedValue_doesNotOpen() {
        JweSealer sealer = new JweSealer(SealingKeys.fromSecretsManager(client, secret()));
        String sealed = sealer.seal(PLAIN, "partner-a");
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "partner-b"));
        String[] parts = sealed.split("\\.");
        char flipped = parts[3].charAt(0) == 'A' ? 'B' : 'A';
        String tampered = String.join(".", parts[0], parts[1], parts[2], flipped + parts[3].substring(1), parts[4]);
        assertThrows(IllegalStateException.class, () -> sealer.open(tampered, "partner-a"));
        assertThrows(IllegalStateException.class, () -> sealer.open("not a jwe", "partner-a"));
    }

    @Test
    void aShortSecret_isRefused() {
        assertThrows(IllegalStateException.class, () -> SealingKeys.derive("too short"));
    }
}

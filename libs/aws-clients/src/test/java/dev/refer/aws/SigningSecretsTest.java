package dev.refer.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signing secrets as a webhook function reads them: its stages, a rotation, and the periodic re-read. */
class SigningSecretsTest {

    /** Secrets Manager holding one secret's stages; counts the reads. */
    private static final class Stages implements SecretsManagerClient {
        final Map<String, String> values = new HashMap<>();
        final List<String> reads = new ArrayList<>();

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads.add(request.versionStage());
            String value = values.get(request.versionStage());
            if (!"secret-id".equals(request.secretId()) || value == null) {
                throw ResourceNotFoundException.builder().message("no such version").build();
            }
            return GetSecretValueResponse.builder().secretString(value).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Stages stages = new Stages();
    private final MovingClock clock = new MovingClock();

    private SigningSecrets<List<String>> secrets() {
        return new SigningSecrets<>(stages, "secret-id", clock, List::copyOf);
    }

    @Test
    void theCurrentSecretAlone_whenNoRotationIsUnderWay() {
        stages.values.put("AWSCURRENT", "whsec_new");
        assertEquals(List.of("whsec_new"), secrets().check());
    }

    @Test
    void duringARotation_theCurrentThenThePrevious_once() {
        stages.values.put("AWSCURRENT", "whsec_new");
        stages.values.put("AWSPREVIOUS", "whsec_old");
        assertEquals(List.of("whsec_new", "whsec_old"), secrets().check());

        stages.values.put("AWSPREVIOUS", "whsec_new");
        assertEquals(List.of("whsec_new"), secrets().check(), "a previous stage equal to the current counts once");
    }

    @Test
    void aWarmEnvironment_readsThemAgainEveryRefresh_andAfterARestore() {
        stages.values.put("AWSCURRENT", "whsec_old");
        SigningSecrets<List<String>> secrets = secrets();
        stages.values.put("AWSCURRENT", "whsec_new");
        stages.values.put("AWSPREVIOUS", "whsec_old");
        int reads = stages.reads.size();

        clock.now = clock.now.plus(SigningSecrets.REFRESH);
        assertEquals(List.of("whsec_old"), secrets.check(), "not before the refresh is due");
        assertEquals(reads, stages.reads.size());

        clock.now = clock.now.plus(Duration.ofMillis(1));
        assertEquals(List.of("whsec_new", "whsec_old"), secrets.check(), "the rotation reached the warm environment");
        assertEquals(List.of("whsec_new", "whsec_old"), secrets.check());
        assertEquals(reads + 2, stages.reads.size(), "read once per refresh, both stages");

        stages.values.remove("AWSPREVIOUS");
        secrets.reload();
        assertEquals(List.of("whsec_new"), secrets.check(), "after a restore, at once");
    }
}

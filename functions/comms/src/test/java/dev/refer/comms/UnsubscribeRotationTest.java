package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.refer.aws.AwsClients;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.mail.SesMailer;
import dev.refer.testkit.TestClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rotated MailLinkSecret (a new version in Secrets Manager, in moto) reaches the warm unsubscribe function without a
 * cold start: a link signed with the new secret verifies on the same handler instance, and links in mail already sent
 * (signed with the previous secret) keep working while the previous version is staged.
 */
class UnsubscribeRotationTest {

    @Test
    void aLinkSignedWithTheRotatedSecret_verifiesOnTheWarmHandler_andOldLinksStillDo() {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        String before = "before-rotation-" + scenario.tag + "-secret";
        String after = "after-rotation-" + scenario.tag + "-secret";
        Map<String, String> env = new HashMap<>(scenario.env);
        try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), env,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of())) {
            String arn = secrets.createSecret(r -> r.name("mail-link-" + scenario.tag).secretString(before)).arn();
            env.put("MAIL_LINK_SECRET_ARN", arn);
            TestClock clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
            // the production secrets reader (Secrets Manager in moto), on a clock the test moves
            UnsubscribeHandler handler = new UnsubscribeHandler(UnsubscribeWiring.create(env,
                    DynamoDbClients.create(env, List.of()), CommsClients.linkSecrets(env), clock));
            PartnerId ada = scenario.partnerId("ada");
            String oldLink = new UnsubscribeLinks("", () -> List.of(before)).token(ada, Topic.CHECKIN);
            String newLink = new UnsubscribeLinks("", () -> List.of(after)).token(ada, Topic.CHECKIN);
            assertEquals(200, get(handler, oldLink), "the function is warm: it has read the secret");

            secrets.putSecretValue(r -> r.secretId(arn).secretString(after)); // AWSCURRENT now, the old AWSPREVIOUS
            clock.advance(Duration.ofSeconds(30));

            assertEquals(200, get(handler, newLink), "a link signed with the rotated secret, same warm instance");
            assertEquals(200, get(handler, oldLink), "mail sent before the rotation still unsubscribes");
            String forged = new UnsubscribeLinks("", () -> List.of("not-our-secret-at-all")).token(ada, Topic.CHECKIN);
            assertEquals(400, get(handler, forged));
        }
    }

    private static int get(UnsubscribeHandler handler, String token) {
        APIGatewayV2HTTPEvent event = SnapStartPriming.httpEvent("GET /unsubscribe", "/unsubscribe", Map.of(),
                Map.of(), null);
        event.setQueryStringParameters(Map.of("t", token));
        event.setRawQueryString("t=" + token);
        return handler.respond(event).getStatusCode();
    }
}

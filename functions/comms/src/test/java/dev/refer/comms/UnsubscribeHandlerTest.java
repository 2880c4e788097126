package dev.refer.comms;

import dev.refer.aws.AwsClients;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.events.ApiEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unsubscribe function (UnsubscribeFunction, {@code GET|POST /unsubscribe?t=}) as API Gateway invokes it, through
 * its public environment constructor, with the link secret in Secrets Manager (moto) and the preferences in DynamoDB
 * Local: a GET only asks, a POST (RFC 8058 one-click) turns the topic off, once; a link this program did not sign is a
 * 400 and changes nothing.
 */
class UnsubscribeHandlerTest {

    private record Fixture(CommsHarness.Scenario scenario, UnsubscribeHandler handler, String secret) {

        String token(String partner, Topic topic) {
            return new UnsubscribeLinks("", () -> List.of(secret)).token(scenario.partnerId(partner), topic);
        }

        Choice choice(String partner, Topic topic) {
            PartnerId id = scenario.partnerId(partner);
            return new DynamoDbPreferences(CommsHarness.table().client(), scenario.config).find(id).choice(topic);
        }
    }

    private static Fixture fixture() {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        String secret = "unsubscribe-" + scenario.tag + "-secret";
        Map<String, String> env = new HashMap<>(scenario.env);
        try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), env,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of())) {
            env.put("MAIL_LINK_SECRET_ARN", secrets.createSecret(r -> r.name("mail-link-" + scenario.tag)
                    .secretString(secret)).arn());
        }
        return new Fixture(scenario, new UnsubscribeHandler(env), secret);
    }

    private static ApiResponse call(Fixture fixture, String method, String token) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json")
                .route(method + " /unsubscribe", "/unsubscribe", Map.of())
                .query(token == null ? "" : "t=" + token, token == null ? Map.of() : Map.of("t", token));
        if (method.equals("POST")) { // the mail client's one-click request (RFC 8058)
            event.base64Body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        }
        return event.invoke(fixture.handler());
    }

    @Test
    void aGet_onlyAsks_andUnsubscribesNoOne() {
        Fixture fixture = fixture();

        ApiResponse page = call(fixture, "GET", fixture.token("ada", Topic.CHECKIN));

        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertTrue(page.body().contains("Unsubscribe from checkin emails?") && page.body().contains("method=\"post\""),
                page.body());
        assertEquals(Choice.ALL, fixture.choice("ada", Topic.CHECKIN), "a link scanner's GET changes nothing");
    }

    @Test
    void aOneClickPost_turnsTheTopicOff_onlyThatTopic_andARepeatChangesNothing() {
        Fixture fixture = fixture();
        String token = fixture.token("ada", Topic.BROADCAST);

        ApiResponse first = call(fixture, "POST", token);
        ApiResponse again = call(fixture, "POST", token);

        assertEquals(200, first.status());
        assertTrue(first.body().contains("You are unsubscribed"), first.body());
        assertEquals(200, again.status());
        assertEquals(Choice.NONE, fixture.choice("ada", Topic.BROADCAST));
        assertEquals(Choice.ALL, fixture.choice("ada", Topic.CHECKIN), "other topics stay on");
        assertEquals(Choice.ALL, fixture.choice("bob", Topic.BROADCAST), "other partners stay on");
    }

    @Test
    void aLinkThisProgramDidNotSign_orNoLink_isA400_andChangesNothing() {
        Fixture fixture = fixture();
        String forged = new UnsubscribeLinks("", () -> List.of("not-our-secret-at-all"))
                .token(fixture.scenario().partnerId("ada"), Topic.CHECKIN);

        ApiResponse refused = call(fixture, "POST", forged);
        ApiResponse missing = call(fixture, "POST", null);

        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.header("content-type"));
        assertTrue(refused.body().contains("bad-unsubscribe-link"), refused.body());
        assertEquals(400, missing.status());
        assertEquals(Choice.ALL, fixture.choice("ada", Topic.CHECKIN));
    }
}

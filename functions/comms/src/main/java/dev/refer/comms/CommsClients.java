package dev.refer.comms;

import dev.refer.aws.AwsClients;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.lambda.Env;
import dev.refer.mail.SesMailer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The clients partner communications' functions build, each only the ones it uses (each function's wiring says
 * which), with the interceptors tests and benchmarks use to count calls or inject faults. Environment:
 * {@code MAIL_QUEUE_URL}, {@code MAIL_FROM}, {@code MAIL_CONFIGURATION_SET}, {@code MAIL_LINK_SECRET_ARN},
 * {@code PUBLIC_BASE_URL}, {@code PAYOUT_TIME_ZONE}, and the table's.
 */
final class CommsClients {

    private CommsClients() {
    }

    static DynamoDbClient dynamoDb(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.create(env, interceptors);
    }

    static SqsClient sqs(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        return AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", interceptors);
    }

    /** The mail service, unpaced. */
    static SesMailer mailer(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        return SesMailer.fromEnv(env, interceptors);
    }

    /**
     * The unsubscribe links' secrets, read when a link is first signed or checked (not at init: a SnapStart snapshot
     * holds none), and again when {@link UnsubscribeLinks} refreshes them (a rotation).
     */
    static Supplier<List<String>> linkSecrets(Map<String, String> env) {
        return () -> {
            try (SecretsManagerClient client = AwsClients.build(SecretsManagerClient.builder(), env,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of())) {
                return MailLinkSecrets.read(client, Env.require(env, "MAIL_LINK_SECRET_ARN"));
            }
        };
    }

    /** Signed unsubscribe links; the API's address (links in emails) from {@code PUBLIC_BASE_URL}. */
    static UnsubscribeLinks links(Map<String, String> env, Supplier<List<String>> secrets, Clock clock) {
        return new UnsubscribeLinks(baseUrl(env), secrets, clock);
    }

    static String baseUrl(Map<String, String> env) {
        return env.getOrDefault("PUBLIC_BASE_URL", "");
    }

    /** The program's zone: its days (digests) and months (check-ins). */
    static ZoneId zone(Map<String, String> env) {
        return ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"));
    }

    static String mailQueueUrl(Map<String, String> env) {
        return Env.require(env, "MAIL_QUEUE_URL");
    }
}

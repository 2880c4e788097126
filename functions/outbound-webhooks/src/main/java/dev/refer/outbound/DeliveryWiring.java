package dev.refer.outbound;

import dev.refer.aws.AwsClients;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.SendTarget;
import dev.refer.core.outbound.TellEndpointDisabled;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.outbound.DynamoDbDeliveryRecords;
import dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.mail.SesMailer;
import dev.refer.sqs.WebhookMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The delivery worker's graph (WebhookDeliveryFunction), once per execution environment. Environment:
 * {@code TABLE_NAME}, {@code PROGRAM_ID}, {@code WEBHOOK_QUEUE_URL} (a retry's wait is set on its message there),
 * {@code WEBHOOK_DEAD_LETTER_QUEUE_URL} (where a delivery goes after three days), {@code MAIL_FROM} and
 * {@code MAIL_CONFIGURATION_SET} (the manager's email when an endpoint is disabled).
 */
public record DeliveryWiring(DeliverWebhook deliver, WebhookMessages codec, RetryQueue queue, Clock clock) {

    static DeliveryWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env),
                AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of()), SesMailer.fromEnv(env),
                SendTarget.Resolver.SYSTEM, HttpTransport.strict(), Clocks.of(env));
    }

    /** Tests: the name service the worker checks with and the transport it sends with are theirs. */
    static DeliveryWiring create(Map<String, String> env, DynamoDbClient dynamoDb, SqsClient sqs, Mailer mailer,
                                 SendTarget.Resolver resolver, DeliverWebhook.Transport transport, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        WebhookMessages codec = new WebhookMessages();
        var programs = CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock);
        // the manager's notice is transactional: it goes unless the address bounced
        SendOnce mail = new SendOnce(new DynamoDbMailLog(dynamoDb, table), mailer, clock,
                new DynamoDbSuppressionList(dynamoDb, table)::bounced);
        DeliverWebhook deliver = new DeliverWebhook(new DynamoDbWebhookEndpoints(dynamoDb, table), resolver,
                transport, new DynamoDbDeliveryRecords(dynamoDb, table, codec), WebhookMessages::body,
                new TellEndpointDisabled(table.programId(), programs, mail), clock);
        return new DeliveryWiring(deliver, codec, new RetryQueue(sqs, Env.require(env, "WEBHOOK_QUEUE_URL"),
                Env.require(env, "WEBHOOK_DEAD_LETTER_QUEUE_URL")), clock);
    }

    /**
     * The benchmark's worker: its deliveries go to a receiver on this machine ({@code receiverTls} trusts its
     * certificate; loopback is let through, which no deployed worker does), on the given clients and clock.
     */
    public static WebhookDeliveryHandler workerOnLoopback(Map<String, String> env, DynamoDbClient dynamoDb,
                                                          SqsClient sqs, Mailer mailer,
                                                          javax.net.ssl.SSLContext receiverTls, Clock clock) {
        SendTarget.Resolver publicAnswer = host -> List.of(java.net.InetAddress.getByName("93.184.215.14"));
        return new WebhookDeliveryHandler(create(env, dynamoDb, sqs, mailer, publicAnswer, new HttpTransport(
                new PublicOnlyDnsResolver(org.apache.hc.client5.http.SystemDefaultDnsResolver.INSTANCE, true),
                receiverTls), clock));
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing sent. */
    SnapStartPriming registerPriming(WebhookDeliveryHandler worker) {
        return SnapStartPriming.register(worker::replayPrimingBatch, () -> { });
    }
}

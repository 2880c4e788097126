package dev.refer.outbound;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.refer.aws.AwsClients;
import dev.refer.core.events.DomainEvent;
import dev.refer.dynamodb.events.StreamEventBatch;
import dev.refer.core.outbound.FanOutEvents;
import dev.refer.core.basics.time.Clocks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.outbound.DynamoDbDeliveryLog;
import dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;
import dev.refer.sqs.SqsWebhookDeliveries;
import dev.refer.sqs.WebhookMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fan-out's graph (WebhookFanOutFunction), once per execution environment. Environment: {@code TABLE_NAME},
 * {@code PROGRAM_ID}, {@code WEBHOOK_QUEUE_URL}.
 */
record FanOutWiring(FanOutEvents fanOut, Function<DynamodbEvent, List<DomainEvent>> events) {

    static FanOutWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env),
                AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of()), Clocks.of(env));
    }

    static FanOutWiring create(Map<String, String> env, DynamoDbClient dynamoDb, SqsClient sqs, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        WebhookMessages codec = new WebhookMessages();
        return new FanOutWiring(new FanOutEvents(new DynamoDbWebhookEndpoints(dynamoDb, table),
                new DynamoDbDeliveryLog(dynamoDb, table, codec, clock),
                new SqsWebhookDeliveries(sqs, Env.require(env, "WEBHOOK_QUEUE_URL"), codec)),
                event -> StreamEventBatch.of(event).events());
    }

    /** SnapStart: an empty stream batch (event and response types, JSON); nothing is read or queued. */
    SnapStartPriming registerPriming(WebhookFanOutHandler handler) {
        return SnapStartPriming.register(() -> handler.replay(StreamFunction.EMPTY_BATCH), () -> { });
    }
}

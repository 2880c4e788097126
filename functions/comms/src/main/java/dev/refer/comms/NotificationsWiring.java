package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.refer.core.comms.notify.QueueNotifications;
import dev.refer.core.events.DomainEvent;
import dev.refer.dynamodb.events.StreamEventBatch;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The notifications function's graph (NotificationsFunction): the mail queue alone (no table, no SES). */
record NotificationsWiring(QueueNotifications queue, Function<DynamodbEvent, List<DomainEvent>> events) {

    static NotificationsWiring create(Map<String, String> env) {
        return create(env, CommsClients.sqs(env, List.of()));
    }

    static NotificationsWiring create(Map<String, String> env, SqsClient sqs) {
        return new NotificationsWiring(new QueueNotifications(new SqsMailingMessages(sqs,
                CommsClients.mailQueueUrl(env))), event -> StreamEventBatch.of(event).events());
    }

    /** SnapStart: an empty stream batch (event and response types, JSON); nothing is queued. */
    SnapStartPriming registerPriming(NotificationsHandler notifications) {
        return SnapStartPriming.register(() -> notifications.replay(StreamFunction.EMPTY_BATCH), () -> { });
    }
}

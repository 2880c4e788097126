package dev.refer.testkit.queues;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

/**
 * A work queue and its dead-letter queue as a test needs them: the visibility timeout is 0, so a message the worker
 * failed comes back at once, and after {@code maxReceives} receives it moves to the dead-letter queue (the template's
 * redrive policy, without the wait).
 *
 * @param queue       the work queue's driver
 * @param deadLetters the dead-letter queue's
 */
public record TestQueue(QueueDriver queue, QueueDriver deadLetters) {

    public static TestQueue create(SqsClient sqs, String name, int maxReceives) {
        String deadLetterUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        QueueDriver deadLetters = QueueDriver.of(sqs, deadLetterUrl);
        String dlqArn = deadLetters.queueArn();
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "0",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}"))).queueUrl();
        return new TestQueue(QueueDriver.of(sqs, url), deadLetters);
    }

    public String url() {
        return queue.queueUrl();
    }
}

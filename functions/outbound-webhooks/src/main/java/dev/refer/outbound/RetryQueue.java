package dev.refer.outbound;

import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/**
 * The delivery queue as the worker moves its messages: a failed delivery's message waits out its backoff on the
 * queue (its visibility), one given up goes to the dead-letter queue.
 */
final class RetryQueue {

    /** ChangeMessageVisibility's ceiling is 12 hours from the receipt: a little under it. */
    static final Duration LONGEST_WAIT = Duration.ofHours(12).minusMinutes(5);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    RetryQueue(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    void waitBeforeRetry(String receiptHandle, Duration wait) {
        Duration capped = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) capped.toSeconds()));
    }

    void deadLetter(String body) {
        sqs.sendMessage(request -> request.queueUrl(deadLetterQueueUrl).messageBody(body));
    }
}

package dev.refer.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends message bodies to one queue in batches of ten, retrying the entries SQS did not take. */
final class SqsBatches {

    private static final int ATTEMPTS = 5;

    private final SqsClient sqs;
    private final String queueUrl;

    SqsBatches(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void send(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            sendBatch(bodies.subList(from, Math.min(bodies.size(), from + 10)));
        }
    }

    private void sendBatch(List<String> bodies) {
        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            pending.put(Integer.toString(i), bodies.get(i));
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = pending.entrySet().stream()
                    .map(e -> SendMessageBatchRequestEntry.builder().id(e.getKey()).messageBody(e.getValue()).build())
                    .toList();
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            response.successful().forEach(ok -> pending.remove(ok.id()));
            if (!pending.isEmpty()) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("SQS did not take " + pending.size() + " messages: "
                            + response.failed().stream().map(BatchResultErrorEntry::message).toList());
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}

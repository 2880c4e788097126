package dev.refer.queues;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayoutMessages;
import dev.refer.lambda.LambdaJson;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's queue (template: PayoutQueue): partner messages in batches of ten, retrying entries SQS did not take.
 * A message is {@link PayoutMessage} as JSON.
 */
public final class SqsPayoutMessages implements PayoutMessages {

    private static final int ATTEMPTS = 5;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsPayoutMessages(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void payPartners(YearMonth period, Instant periodStart, Instant cutoff, List<PartnerId> partners) {
        List<String> bodies = new ArrayList<>(partners.size());
        for (PartnerId partner : partners) {
            bodies.add(LambdaJson.write(PayoutMessage.pay(period, periodStart, cutoff, partner)));
        }
        for (int from = 0; from < bodies.size(); from += 10) {
            send(bodies.subList(from, Math.min(bodies.size(), from + 10)));
        }
    }

    @Override
    public void planShard(YearMonth period, int shard) {
        send(List.of(LambdaJson.write(PayoutMessage.plan(period, shard))));
    }

    @Override
    public void summarize(YearMonth period) {
        send(List.of(LambdaJson.write(PayoutMessage.summarize(period))));
    }

    private void send(List<String> bodies) {
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

package dev.refer.sqs;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayoutMessages;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's queue (template: PayoutQueue): partner messages in batches of ten, retrying entries SQS did not take.
 * A message is {@link PayoutMessage} as JSON.
 */
public final class SqsPayoutMessages implements PayoutMessages {

    private final SqsBatches batches;

    public SqsPayoutMessages(SqsClient sqs, String queueUrl) {
        this.batches = new SqsBatches(sqs, queueUrl);
    }

    @Override
    public void payPartners(YearMonth period, Instant periodStart, Instant cutoff, List<PartnerId> partners) {
        List<String> bodies = new ArrayList<>(partners.size());
        for (PartnerId partner : partners) {
            bodies.add(PayoutMessage.pay(period, periodStart, cutoff, partner).toJson());
        }
        send(bodies);
    }

    @Override
    public void planShard(YearMonth period, int shard) {
        send(List.of(PayoutMessage.plan(period, shard).toJson()));
    }

    @Override
    public void summarize(YearMonth period) {
        send(List.of(PayoutMessage.summarize(period).toJson()));
    }

    private void send(List<String> bodies) {
        batches.send(bodies);
    }
}

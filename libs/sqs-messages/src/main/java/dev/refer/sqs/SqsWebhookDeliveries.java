package dev.refer.sqs;

import dev.refer.core.outbound.DeliveryCodec;
import dev.refer.core.outbound.DeliveryQueue;
import dev.refer.core.outbound.OutboundDelivery;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;

/** The outbound webhook queue (template: WebhookDeliveryQueue): each delivery as {@link WebhookMessages} JSON. */
public final class SqsWebhookDeliveries implements DeliveryQueue {

    private final SqsBatches batches;
    private final DeliveryCodec codec;

    public SqsWebhookDeliveries(SqsClient sqs, String queueUrl, DeliveryCodec codec) {
        this.batches = new SqsBatches(sqs, queueUrl);
        this.codec = codec;
    }

    @Override
    public void send(List<OutboundDelivery> deliveries) {
        batches.send(deliveries.stream().map(codec::encode).toList());
    }
}

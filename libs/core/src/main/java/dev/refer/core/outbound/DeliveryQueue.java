package dev.refer.core.outbound;

import java.util.List;

/** Where deliveries wait for the delivery worker (template: an SQS queue with its dead-letter queue). */
public interface DeliveryQueue {

    /** Queues them all or throws (the stream batch then comes again; the delivery log keeps it exactly-once). */
    void send(List<OutboundDelivery> deliveries);
}

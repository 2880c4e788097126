package dev.refer.core.outbound;

/**
 * The delivery records that make the fan-out exactly-once: one per event and endpoint, written with a conditional
 * write before the delivery is queued, marked once it is.
 */
public interface DeliveryLog {

    enum Claim {
        /** First sight of this delivery: the record is written; queue it. */
        NEW,
        /** Claimed before but not known to be queued (the earlier run stopped between): queue it again. */
        UNQUEUED,
        /** Queued before: nothing to do. */
        QUEUED
    }

    Claim claim(OutboundDelivery delivery);

    void markQueued(OutboundDelivery delivery);
}

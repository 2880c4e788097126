package dev.refer.core.outbound;

/**
 * A delivery as the queue carries it and its record keeps it for a replay (JSON in production: the sqs-messages
 * module's; core holds no JSON).
 */
public interface DeliveryCodec {

    String encode(OutboundDelivery delivery);

    /** A body the queue or a record carries; anything else is an {@link IllegalArgumentException}. */
    OutboundDelivery decode(String encoded);
}

package dev.refer.dynamodb.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.refer.core.events.DomainEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of the table's stream as the domain events it carries, in the records' order (read by
 * {@link StreamEvents}, the one reader of stream records for the domain); {@code first} is the batch's first sequence
 * number. Only translation here: Lambda's record type into the SDK's attribute values. Shared by the stream's
 * consumers that act on domain events (notifications, outbound webhooks).
 */
public record StreamEventBatch(List<DomainEvent> events, String first) {

    public static StreamEventBatch of(DynamodbEvent event) {
        List<DomainEvent> events = new ArrayList<>();
        String first = null;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null
                ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
            var images = record.getDynamodb();
            first = first == null ? images.getSequenceNumber() : first;
            events.addAll(StreamEvents.of(record.getEventName(),
                    images.getOldImage() == null ? null
                            : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getOldImage()),
                    images.getNewImage() == null ? null
                            : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getNewImage())));
        }
        return new StreamEventBatch(events, first);
    }
}

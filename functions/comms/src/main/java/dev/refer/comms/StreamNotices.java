package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.refer.core.comms.Notification;
import dev.refer.core.comms.Notify;
import dev.refer.dynamodb.NotificationChanges;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch of the table's stream tells partners and sales: the notifications of its records' changes and an
 * alert per new attributed lead, in the records' order; {@code first} is the batch's first sequence number.
 */
record StreamNotices(List<Notification> notifications, List<Notify.SalesAlert> alerts, String first) {

    static StreamNotices of(DynamodbEvent event) {
        List<Notification> notifications = new ArrayList<>();
        List<Notify.SalesAlert> alerts = new ArrayList<>();
        String first = null;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null
                ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
            var images = record.getDynamodb();
            first = first == null ? images.getSequenceNumber() : first;
            NotificationChanges.Changes changes = NotificationChanges.of(record.getEventName(),
                    images.getOldImage() == null ? null
                            : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getOldImage()),
                    images.getNewImage() == null ? null
                            : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getNewImage()));
            notifications.addAll(changes.notifications());
            if (changes.newLead() != null) {
                Notify.SalesAlert.of(changes.newLead()).ifPresent(alerts::add);
            }
        }
        return new StreamNotices(notifications, alerts, first);
    }
}

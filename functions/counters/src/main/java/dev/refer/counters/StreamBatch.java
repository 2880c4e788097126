package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.dynamodb.stats.StreamChanges;
import dev.refer.lambda.Log;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream batch read for the counters: the changes of its records up to the first that cannot be read
 * ({@code unreadable}, its sequence number: what precedes it is counted, Lambda retries from it, then hands the batch
 * to the dead-letter queue), and the stream's label ({@code streamKey}) that names a chunk uniquely with a sequence
 * number.
 */
record StreamBatch(int records, List<ProjectCounters.Change> changes, String unreadable, String streamKey) {

    static StreamBatch of(DynamodbEvent event) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of()
                : event.getRecords();
        String streamKey = "stream";
        List<ProjectCounters.Change> changes = new ArrayList<>(records.size());
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            streamKey = streamKey(record.getEventSourceARN(), streamKey);
            try {
                ProjectCounters.Change change = change(record);
                // a record that counts nothing keeps its place: Lambda bisects a batch by position
                changes.add(change != null ? change
                        : new ProjectCounters.Unchanged(record.getDynamodb().getSequenceNumber()));
            } catch (RuntimeException e) {
                Log.error("counters.unreadable_record", e, "sequenceNumber",
                        record.getDynamodb().getSequenceNumber());
                return new StreamBatch(records.size(), changes, record.getDynamodb().getSequenceNumber(), streamKey);
            }
        }
        return new StreamBatch(records.size(), changes, null, streamKey);
    }

    private static ProjectCounters.Change change(DynamodbEvent.DynamodbStreamRecord record) {
        var images = record.getDynamodb();
        return StreamChanges.of(record.getEventName(), images.getSequenceNumber(),
                images.getOldImage() == null ? null
                        : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getOldImage()),
                images.getNewImage() == null ? null
                        : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getNewImage()));
    }

    /** The stream ARN's label after {@code /stream/}, or the one before when the ARN has none. */
    private static String streamKey(String arn, String current) {
        return arn != null && arn.contains("/stream/") ? arn.substring(arn.lastIndexOf("/stream/") + 8) : current;
    }
}

package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.refer.core.ids.Ulid;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.CountClicks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clicks in a DynamoDB Streams event. Anything that is not an inserted CLICK item is ignored (the template's
 * filter already drops it on AWS). The stream key is the stream ARN's label, which with a sequence number names
 * a chunk uniquely.
 */
record StreamBatch(String streamKey, List<CountClicks.ClickRecord> clicks) {

    static StreamBatch of(DynamodbEvent event) {
        List<CountClicks.ClickRecord> clicks = new ArrayList<>();
        String streamKey = "stream";
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String arn = record.getEventSourceARN();
            if (arn != null && arn.contains("/stream/")) {
                streamKey = arn.substring(arn.lastIndexOf("/stream/") + 8);
            }
            if (record.getDynamodb() == null || record.getDynamodb().getNewImage() == null) {
                continue;
            }
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (!"INSERT".equals(record.getEventName()) || !"CLICK".equals(string(image, "type"))) {
                continue;
            }
            String partnerId = string(image, "partnerId");
            String code = string(image, "code");
            String at = string(image, "at");
            if (!Ulid.isValid(partnerId) || code == null || at == null) {
                continue;
            }
            clicks.add(new CountClicks.ClickRecord(record.getDynamodb().getSequenceNumber(),
                    new PartnerId(partnerId), code, Instant.parse(at)));
        }
        return new StreamBatch(streamKey, clicks);
    }

    private static String string(Map<String, AttributeValue> image, String attribute) {
        AttributeValue value = image.get(attribute);
        return value == null ? null : value.getS();
    }
}

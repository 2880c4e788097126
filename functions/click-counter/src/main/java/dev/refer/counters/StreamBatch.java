package dev.refer.counters;

import dev.refer.core.ids.Ulid;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.CountClicks;
import dev.refer.http.Json;

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

    @SuppressWarnings("unchecked")
    static StreamBatch parse(byte[] event) {
        Map<String, Object> json = Json.parseObject(event);
        List<Object> records = (List<Object>) json.getOrDefault("Records", List.of());
        List<CountClicks.ClickRecord> clicks = new ArrayList<>();
        String streamKey = "stream";
        for (Object raw : records) {
            Map<String, Object> record = (Map<String, Object>) raw;
            Object arn = record.get("eventSourceARN");
            if (arn instanceof String text && text.contains("/stream/")) {
                streamKey = text.substring(text.lastIndexOf("/stream/") + 8);
            }
            Map<String, Object> dynamodb = (Map<String, Object>) record.getOrDefault("dynamodb", Map.of());
            Map<String, Object> image = (Map<String, Object>) dynamodb.getOrDefault("NewImage", Map.of());
            if (!"INSERT".equals(record.get("eventName")) || !"CLICK".equals(string(image, "type"))) {
                continue;
            }
            String partnerId = string(image, "partnerId");
            String code = string(image, "code");
            String at = string(image, "at");
            if (!Ulid.isValid(partnerId) || code == null || at == null) {
                continue;
            }
            clicks.add(new CountClicks.ClickRecord((String) dynamodb.get("SequenceNumber"), new PartnerId(partnerId),
                    code, Instant.parse(at)));
        }
        return new StreamBatch(streamKey, clicks);
    }

    @SuppressWarnings("unchecked")
    private static String string(Map<String, Object> image, String attribute) {
        Object value = image.get(attribute);
        return value instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("S") : null;
    }
}

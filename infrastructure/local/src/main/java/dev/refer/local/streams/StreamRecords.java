package dev.refer.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns DynamoDB Streams records into the event Lambda delivers to a stream consumer
 * ({@code {"Records":[{"eventID", "eventName", "dynamodb": {...}, ...}]}}), attribute values in DynamoDB JSON.
 */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    static ObjectNode record(Record record, String streamArn, String region) {
        ObjectNode json = JSON.createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        json.set("dynamodb", streamRecord(record.dynamodb()));
        if (record.userIdentity() != null) {
            // TTL deletions carry the service as the principal.
            json.putObject("userIdentity")
                    .put("type", record.userIdentity().type())
                    .put("principalId", record.userIdentity().principalId());
        }
        json.put("eventSourceARN", streamArn);
        return json;
    }

    static byte[] event(List<ObjectNode> records) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(records);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode streamRecord(StreamRecord stream) {
        ObjectNode json = JSON.createObjectNode();
        if (stream.approximateCreationDateTime() != null) {
            json.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        }
        json.set("Keys", item(stream.keys()));
        if (stream.hasNewImage()) {
            json.set("NewImage", item(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            json.set("OldImage", item(stream.oldImage()));
        }
        json.put("SequenceNumber", stream.sequenceNumber());
        json.put("SizeBytes", stream.sizeBytes());
        json.put("StreamViewType", stream.streamViewTypeAsString());
        return json;
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, attributeValue(value)));
        return json;
    }

    /** One attribute in DynamoDB JSON: {"S":"x"}, {"N":"1"}, {"M":{...}}, ... (numbers stay strings). */
    static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> strings(json.putArray("SS"), value.ss());
            case NS -> strings(json.putArray("NS"), value.ns());
            case BS -> strings(json.putArray("BS"), value.bs().stream().map(StreamRecords::base64).toList());
            case M -> json.set("M", item(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(attributeValue(element)));
            }
            default -> throw new IllegalArgumentException("unknown attribute value type: " + value);
        }
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}

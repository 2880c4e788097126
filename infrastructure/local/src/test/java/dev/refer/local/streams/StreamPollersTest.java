package dev.refer.local.streams;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.SamTemplate;
import dev.refer.emulators.StreamSource;
import dev.refer.local.lambda.LocalFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamPollersTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final StreamSource CLICKS = TEMPLATE.function("CountersFunction").streams().getFirst();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbLocal dynamoDb = DynamoDbLocal.shared();
    private final String table = DynamoDbLocal.uniqueTableName("streams");
    private final String streamArn = dynamoDb.createTable(TEMPLATE, "ReferralTable", table).latestStreamArn();
    private final StreamPollers pollers = new StreamPollers(dynamoDb.streamsClient(), "us-east-1");
    /** Every batch the function was invoked with: the "id" attribute of each record. */
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pollers.close();
    }

    @Test
    void filteredRecords_reachTheFunction_asTheLambdaStreamsEvent() throws Exception {
        List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
        pollers.subscribe(streamArn, CLICKS, function((in, out, context) -> events.add(JSON.readTree(in))));

        put("c1", "CLICK");
        put("l1", "LINK");
        put("c2", "CLICK");
        pollers.awaitIdle(Duration.ofSeconds(10));

        List<JsonNode> records = new ArrayList<>();
        events.forEach(event -> event.path("Records").forEach(records::add));
        assertEquals(List.of("c1", "c2"), records.stream()
                .map(r -> r.at("/dynamodb/NewImage/id/S").asText()).toList());
        JsonNode first = records.getFirst();
        assertEquals("INSERT", first.path("eventName").asText());
        assertEquals("1.1", first.path("eventVersion").asText());
        assertEquals("aws:dynamodb", first.path("eventSource").asText());
        assertEquals("us-east-1", first.path("awsRegion").asText());
        assertEquals(streamArn, first.path("eventSourceARN").asText());
        assertEquals("CLICK#c1", first.at("/dynamodb/Keys/pk/S").asText());
        assertEquals("NEW_AND_OLD_IMAGES", first.at("/dynamodb/StreamViewType").asText());
        assertTrue(first.at("/dynamodb/SequenceNumber").isTextual());
        assertTrue(first.at("/dynamodb/ApproximateCreationDateTime").isNumber());
        assertTrue(first.at("/dynamodb/SizeBytes").isNumber());
    }

    @Test
    void batches_holdAtMostBatchSizeRecords() {
        StreamSource smallBatches = new StreamSource("Small", "ReferralTable", "TRIM_HORIZON", 2, 0, -1, true,
                List.of(), true, false, null);
        for (int i = 1; i <= 5; i++) {
            put("c" + i, "CLICK");
        }
        pollers.subscribe(streamArn, smallBatches, recordingFunction(Set.of()));
        pollers.awaitIdle(Duration.ofSeconds(10));

        assertEquals(List.of(List.of("c1", "c2"), List.of("c3", "c4"), List.of("c5")), batches);
    }

    @Test
    void reportedItemFailure_isRetriedFromThatRecordOn() {
        put("c1", "CLICK");
        put("c2", "CLICK");
        put("c3", "CLICK");
        pollers.subscribe(streamArn, CLICKS, recordingFunction(Set.of("c2")));
        pollers.awaitIdle(Duration.ofSeconds(10));

        assertEquals(List.of(List.of("c1", "c2", "c3"), List.of("c2", "c3")), batches);
    }

    @Test
    void awaitIdle_whenAFunctionKeepsFailing_namesIt() {
        pollers.subscribe(streamArn, CLICKS, function((in, out, context) -> {
            throw new IllegalStateException("always failing (expected by the test)");
        }));
        put("c1", "CLICK");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pollers.awaitIdle(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("Counter"), e.getMessage());
    }

    @Test
    void failingBatch_isSkippedAfterMaximumRetryAttempts_andDescribedToTheOnFailureDestination() {
        StreamSource oneRetry = new StreamSource("OneRetry", "ReferralTable", "TRIM_HORIZON", 10, 0, 1, false,
                List.of(), true, false, "DeadLetters");
        List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        List<String> deadLetters = Collections.synchronizedList(new ArrayList<>());
        pollers.subscribe(streamArn, oneRetry, function((in, out, context) -> {
            attempts.add("attempt");
            throw new IllegalStateException("always failing (expected by the test)");
        }), deadLetters::add);
        put("c1", "CLICK");

        pollers.awaitIdle(Duration.ofSeconds(10));

        assertEquals(2, attempts.size());
        assertEquals(1, deadLetters.size());
        JsonNode record;
        try {
            record = JSON.readTree(deadLetters.getFirst());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("RetryAttemptsExhausted", record.at("/requestContext/condition").asText());
        assertEquals(1, record.at("/DDBStreamBatchInfo/batchSize").asInt());
        assertEquals(streamArn, record.at("/DDBStreamBatchInfo/streamArn").asText());
        assertEquals(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText(),
                record.at("/DDBStreamBatchInfo/endSequenceNumber").asText());
    }

    @Test
    void functionError_withBisect_splitsTheBatchUntilThePoisonRecordIsAlone() {
        StreamSource bisecting = new StreamSource("Bisect", "ReferralTable", "TRIM_HORIZON", 10, 0, 1, false,
                List.of(), true, true, "DeadLetters");
        List<String> deadLetters = Collections.synchronizedList(new ArrayList<>());
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= 4; i++) {
            put("c" + i, "CLICK");
        }
        pollers.subscribe(streamArn, bisecting, function((in, out, context) -> {
            List<String> ids = new ArrayList<>();
            JSON.readTree(in).path("Records").forEach(r -> ids.add(r.at("/dynamodb/NewImage/id/S").asText()));
            seen.add(ids);
            if (ids.contains("c3")) {
                throw new IllegalStateException("c3 cannot be processed (expected by the test)");
            }
        }), deadLetters::add);

        pollers.awaitIdle(Duration.ofSeconds(10));

        assertEquals(List.of("c1", "c2", "c3", "c4"), seen.getFirst());
        assertTrue(seen.contains(List.of("c1", "c2")), "the half before the poison record succeeds: " + seen);
        assertTrue(seen.contains(List.of("c4")), "the records after the poison one are still delivered: " + seen);
        assertEquals(1, deadLetters.size(), "only c3 is skipped");
        try {
            assertEquals(1, JSON.readTree(deadLetters.getFirst()).at("/DDBStreamBatchInfo/batchSize").asInt());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records each batch; fails each id in {@code failOnce} the first time it is seen, reporting it. */
    private LocalFunction recordingFunction(Set<String> failOnce) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        return function((in, out, context) -> {
            JsonNode event = JSON.readTree(in);
            List<String> ids = new ArrayList<>();
            var failures = JSON.createObjectNode().putArray("batchItemFailures");
            for (JsonNode record : event.path("Records")) {
                String id = record.at("/dynamodb/NewImage/id/S").asText();
                ids.add(id);
                if (failOnce.contains(id) && failed.add(id)) {
                    failures.addObject().put("itemIdentifier", record.at("/dynamodb/SequenceNumber").asText());
                }
            }
            batches.add(ids);
            out.write(JSON.writeValueAsBytes(Map.of("batchItemFailures", failures)));
        });
    }

    private static LocalFunction function(RequestStreamHandler handler) {
        return LocalFunction.of("Counter", handler);
    }

    private void put(String id, String type) {
        dynamoDb.client().putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(type + "#" + id), "sk", AttributeValue.fromS(type),
                "type", AttributeValue.fromS(type), "id", AttributeValue.fromS(id))));
    }
}

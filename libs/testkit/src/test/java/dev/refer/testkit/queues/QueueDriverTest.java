package dev.refer.testkit.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.emulators.SqsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue driver behaves as Lambda's SQS event source mapping does (the tests and the local stack rely on it), on
 * the in-process SQS: the event's shape, partial batch failures, a function error, the redrive to the dead-letter
 * queue.
 */
class QueueDriverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SqsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = SqsEmulator.start("us-east-1");
        sqs = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        emulator.close();
    }

    private static TestQueue queueWith(String... bodies) {
        TestQueue queue = TestQueue.create(sqs, "work-" + UUID.randomUUID().toString().substring(0, 8), 3);
        for (String body : bodies) {
            sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(body));
        }
        return queue;
    }

    @Test
    void drain_handsEveryMessageOver_inTheEventLambdaDelivers_andEmptiesTheQueue() {
        TestQueue queue = queueWith("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        List<JsonNode> records = new ArrayList<>();

        queue.queue().drain(event -> {
            JSON.readTree(event).path("Records").forEach(records::add);
            return "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);
        });

        assertEquals(3, records.size());
        for (JsonNode record : records) {
            assertEquals("aws:sqs", record.path("eventSource").asText());
            assertEquals(queue.queue().queueArn(), record.path("eventSourceARN").asText());
            assertEquals("us-east-1", record.path("awsRegion").asText());
            assertNotNull(record.get("messageId"));
            assertNotNull(record.get("receiptHandle"));
            assertEquals("1", record.path("attributes").path("ApproximateReceiveCount").asText());
            assertTrue(record.path("body").asText().startsWith("{\"n\":"), record.toString());
        }
        assertTrue(queue.queue().isEmpty());
        assertEquals(0, queue.deadLetters().depth());
    }

    @Test
    void aMessageReportedFailed_comesBack_untilTheRedrivePolicyMovesItToTheDeadLetterQueue() {
        TestQueue queue = queueWith("good", "poison");
        AtomicInteger poisonReceives = new AtomicInteger();

        queue.queue().drain(event -> {
            StringBuilder failures = new StringBuilder();
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                if (record.path("body").asText().equals("poison")) {
                    poisonReceives.incrementAndGet();
                    failures.append(failures.isEmpty() ? "" : ",").append("{\"itemIdentifier\":\"")
                            .append(record.path("messageId").asText()).append("\"}");
                }
            }
            return ("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8);
        });

        assertEquals(3, poisonReceives.get(), "received maxReceiveCount times");
        assertTrue(queue.queue().isEmpty());
        assertEquals(1, queue.deadLetters().depth());
    }

    @Test
    void aFunctionError_leavesTheWholeBatchOnTheQueue() {
        TestQueue queue = queueWith("a", "b");

        QueueDriver.Delivery delivery = queue.queue().deliver(queue.queue().receive(10, 0), event -> {
            throw new IllegalStateException("the function failed");
        }, true);

        assertEquals(0, delivery.processed());
        assertEquals(2, delivery.failed());
        assertTrue(delivery.error() instanceof IllegalStateException);
        assertEquals(2, queue.queue().depth(), "visibility timeout 0: both visible again");
    }

    @Test
    void withoutReportBatchItemFailures_theAnswerIsIgnored_andTheBatchDeleted() {
        TestQueue queue = queueWith("a");

        QueueDriver.Delivery delivery = queue.queue().deliver(queue.queue().receive(10, 0), event -> {
            String id = JSON.readTree(event).path("Records").get(0).path("messageId").asText();
            return ("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + id + "\"}]}").getBytes(StandardCharsets.UTF_8);
        }, false);

        assertEquals(1, delivery.processed());
        assertTrue(queue.queue().isEmpty());
    }
}

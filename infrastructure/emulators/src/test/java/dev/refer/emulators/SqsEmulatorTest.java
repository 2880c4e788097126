package dev.refer.emulators;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-process SQS through the real SDK client (which checks every body's and attribute set's MD5): SQS's delivery
 * rules, and the same scenario observed on moto's SQS and on the emulator.
 */
class SqsEmulatorTest {

    private static SqsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = SqsEmulator.start("us-east-1");
        sqs = client(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        emulator.close();
    }

    static SqsClient client(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String queue(SqsClient client, Map<QueueAttributeName, String> attributes) {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        return client.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    }

    private static List<Message> receive(SqsClient client, String url, int max) {
        return client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(max)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private static Map<QueueAttributeName, String> counts(SqsClient client, String url) {
        return client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    @Test
    void sentMessages_areReceivedOnce_andGoneWhenDeleted() {
        String url = queue(sqs, Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("héllo <&> 🎉").messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("pay").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("bytes")).build())));

        List<Message> first = receive(sqs, url, 10);
        assertEquals(1, first.size());
        assertEquals("héllo <&> 🎉", first.get(0).body());
        assertEquals("pay", first.get(0).messageAttributes().get("kind").stringValue());
        assertEquals("1", first.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals(List.of(), receive(sqs, url, 10), "hidden while in flight");
        assertEquals(Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1"), counts(sqs, url));

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.get(0).receiptHandle()));
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.get(0).receiptHandle())); // twice: still fine
        assertEquals(Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"), counts(sqs, url));
    }

    @Test
    void anUndeletedMessage_comesBackAfterTheVisibilityTimeout_andAnOldHandleDeletesNothing() throws Exception {
        String url = queue(sqs, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("again"));
        Message first = receive(sqs, url, 1).get(0);
        Thread.sleep(1_100);

        Message second = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertEquals(first.messageId(), second.messageId());
        assertEquals("2", second.attributesAsStrings().get("ApproximateReceiveCount"));

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertEquals("1", counts(sqs, url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(second.receiptHandle()));
        assertEquals("0", counts(sqs, url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void changingVisibilityToZero_showsTheMessageAtOnce() {
        String url = queue(sqs, Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("back"));
        Message message = receive(sqs, url, 1).get(0);

        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));

        assertEquals("back", receive(sqs, url, 1).get(0).body());
    }

    @Test
    void aLongPoll_returnsWhenAMessageArrives() throws Exception {
        String url = queue(sqs, Map.of());
        CompletableFuture<List<Message>> waiting = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages());
        Thread.sleep(300);
        long sent = System.nanoTime();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("arrived"));

        assertEquals("arrived", waiting.get().get(0).body());
        assertTrue(System.nanoTime() - sent < 10_000_000_000L, "answered on arrival, not at the 20 s wait's end");
    }

    @Test
    void delayedMessages_waitTheirDelay() throws Exception {
        String url = queue(sqs, Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(1));

        assertEquals(List.of(), receive(sqs, url, 1));
        assertEquals("1", sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        assertEquals("later", sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(3)).messages().get(0).body());
    }

    @Test
    void aDeepQueue_deliversEachMessageOnce_andKeepsItsCounts() {
        String url = queue(sqs, Map.of());
        for (int batch = 0; batch < 3_000; batch++) {
            int b = batch;
            sqs.sendMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, 10).mapToObj(i ->
                    SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m" + b + "-" + i).build())
                    .toList()));
        }
        assertEquals("30000", counts(sqs, url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<Message> messages = receive(sqs, url, 10);
            messages.forEach(m -> bodies.add(m.body()));
            sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(messages.stream().map(m ->
                    software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
        }
        assertEquals(2_000, bodies.size(), "each message once");
        assertEquals("28000", counts(sqs, url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void badRequests_failAsSqsFailsThem() {
        String url = queue(sqs, Map.of());

        assertThrows(QueueDoesNotExistException.class, () -> sqs.sendMessage(r -> r.queueUrl(url + "-missing")
                .messageBody("x")));
        assertThrows(EmptyBatchRequestException.class, () -> sqs.sendMessageBatch(r -> r.queueUrl(url)
                .entries(List.of())));
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> sqs.sendMessageBatch(r -> r.queueUrl(url)
                .entries(IntStream.range(0, 11).mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i)
                        .messageBody("x").build()).toList())));
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> sqs.sendMessageBatch(r -> r.queueUrl(url)
                .entries(SendMessageBatchRequestEntry.builder().id("same").messageBody("x").build(),
                        SendMessageBatchRequestEntry.builder().id("same").messageBody("y").build())));
        assertThrows(ReceiptHandleIsInvalidException.class, () -> sqs.deleteMessage(r -> r.queueUrl(url)
                .receiptHandle("not-a-handle")));
        SqsException empty = assertThrows(SqsException.class, () -> sqs.sendMessage(r -> r.queueUrl(url)
                .messageBody("")));
        assertEquals(400, empty.statusCode());
        SqsException badWait = assertThrows(SqsException.class, () -> sqs.receiveMessage(r -> r.queueUrl(url)
                .waitTimeSeconds(21)));
        assertEquals("InvalidParameterValue", badWait.awsErrorDetails().errorCode());
        assertEquals("0", counts(sqs, url).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), "nothing stored");
    }

    /** What a client sees of SQS's rules, in order: the same list from moto and from the emulator. */
    private static List<String> redriveScenario(SqsClient client) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        String dlq = queue(client, Map.of());
        String dlqArn = client.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = queue(client, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        var batch = client.sendMessageBatch(r -> r.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("poison").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("fine").build()));
        seen.add("sent " + batch.successful().size() + " failed " + batch.failed().size());
        for (int round = 1; round <= 3; round++) {
            List<Message> messages = new ArrayList<>(receive(client, url, 10));
            messages.sort(java.util.Comparator.comparing(Message::body));
            for (Message message : messages) {
                seen.add("round " + round + " " + message.body() + " receive "
                        + message.attributesAsStrings().get("ApproximateReceiveCount"));
                if (message.body().equals("fine")) {
                    client.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
            Thread.sleep(1_200);
        }
        seen.add("source " + counts(client, url));
        seen.add("dead letters " + receive(client, dlq, 10).stream().map(Message::body).toList());
        return seen;
    }

    @Test
    void theRedriveScenario_isTheSameOnMotoAndHere() throws Exception {
        List<String> here = redriveScenario(sqs);
        assertEquals(List.of("sent 2 failed 0", "round 1 fine receive 1", "round 1 poison receive 1",
                "round 2 poison receive 2",
                "source {ApproximateNumberOfMessages=0, ApproximateNumberOfMessagesNotVisible=0}",
                "dead letters [poison]"), here);
        try (MotoServer moto = MotoServer.start(); SqsClient motoSqs = client(moto.endpoint())) {
            assertEquals(redriveScenario(motoSqs), here);
        }
    }
}

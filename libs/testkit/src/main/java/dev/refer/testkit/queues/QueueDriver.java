package dev.refer.testkit.queues;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda's SQS event source mapping for one queue (in moto or the in-process SQS), in one place for the tests and the
 * local stack's pollers: it receives up to a batch, hands it to the function as the {@code SQSEvent} Lambda delivers,
 * and deletes the messages the function processed: all of them when it returns without batch item failures, none
 * when it fails. A message left undeleted comes back after the queue's visibility timeout and moves to the
 * dead-letter queue after the redrive policy's {@code maxReceiveCount} receives, as SQS does it.
 */
public final class QueueDriver {

    /** A function as Lambda invokes it: the event's JSON in, the response's JSON out (empty for none). */
    @FunctionalInterface
    public interface Function {
        byte[] invoke(byte[] event) throws Exception;

        /** A handler invoked through its stream interface, as the Lambda runtime does. */
        static Function of(RequestStreamHandler handler) {
            return event -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), out, null);
                return out.toByteArray();
            };
        }
    }

    /** What one batch came to: messages deleted, messages reported failed, the function's error (null when none). */
    public record Delivery(int processed, int failed, Exception error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROUNDS = 500;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;

    public QueueDriver(SqsClient sqs, String queueUrl, String queueArn, String region) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
    }

    /** A driver of {@code queueUrl}, its ARN asked of the queue and its region of the client. */
    public static QueueDriver of(SqsClient sqs, String queueUrl) {
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new QueueDriver(sqs, queueUrl, arn, sqs.serviceClientConfiguration().region().id());
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String queueArn() {
        return queueArn;
    }

    /** Up to {@code max} messages (at most 10, as SQS allows), waiting up to {@code waitSeconds} for the first. */
    public List<Message> receive(int max, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(Math.min(10, max))
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /**
     * Hands {@code messages} to {@code function} as one SQS event and deletes what it processed. With
     * {@code reportBatchItemFailures} (the mapping's {@code FunctionResponseTypes}) the messages the function names in
     * {@code batchItemFailures} stay on the queue; without it its answer is ignored.
     */
    public Delivery deliver(List<Message> messages, Function function, boolean reportBatchItemFailures) {
        Set<String> failed = new HashSet<>();
        try {
            byte[] output = function.invoke(event(messages, queueArn, region));
            if (reportBatchItemFailures && output != null && output.length > 0) {
                for (JsonNode failure : JSON.readTree(output).path("batchItemFailures")) {
                    failed.add(failure.path("itemIdentifier").asText());
                }
            }
        } catch (Exception e) {
            // a function error: the whole batch comes back after the visibility timeout
            return new Delivery(0, messages.size(), e);
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return new Delivery(done.size(), failed.size(), null);
    }

    /**
     * Feeds {@code function} batches of up to 10 until the queue holds no message, visible or in flight, as the event
     * source mapping does with partial batch failures reported (failed messages come back; with the tests' visibility
     * timeout of 0, at once).
     */
    public void drain(Function function) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Message> messages = receive(10, 0);
            if (messages.isEmpty()) {
                if (isEmpty()) {
                    return;
                }
                continue;
            }
            deliver(messages, function, true);
        }
        throw new IllegalStateException("the queue " + queueUrl + " did not drain in " + MAX_ROUNDS + " batches");
    }

    /** {@link #drain(Function)} into a handler invoked through its stream interface. */
    public void drain(RequestStreamHandler handler) {
        drain(Function.of(handler));
    }

    /** True when the queue holds no message, visible or in flight (a batch being delivered is in flight). */
    public boolean isEmpty() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** The messages waiting (visible) on the queue, e.g. a dead-letter queue's. */
    public int depth() {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** The SQS event Lambda delivers for {@code messages} received from the queue {@code queueArn}. */
    public static byte[] event(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

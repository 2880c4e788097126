package dev.refer.local.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.emulators.QueueSource;
import dev.refer.local.lambda.LocalFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's SQS event source mapping for one function, against the queue in moto: pollers (up to the source's maximum
 * concurrency, at most 4 locally) receive up to a batch of messages, hand them to the function as an
 * {@code SQSEvent}, and delete the messages it processed: all of them when it returns without batch item failures,
 * none when it fails. A message left undeleted comes back after the queue's visibility timeout, and moves to the
 * dead-letter queue after the redrive policy's {@code maxReceiveCount} receives, as SQS does it.
 */
public final class QueuePoller implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOCAL_POLLERS = 4;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final QueueSource source;
    private final LocalFunction function;
    private final String region;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String lastFailure;

    public QueuePoller(SqsClient sqs, String queueUrl, String queueArn, QueueSource source, LocalFunction function,
                       String region) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.source = source;
        this.function = function;
        this.region = region;
    }

    public String name() {
        return function.name() + " (" + source.eventName() + ")";
    }

    public void start() {
        int pollers = Math.max(1, Math.min(MAX_LOCAL_POLLERS,
                source.maximumConcurrency() > 0 ? source.maximumConcurrency() : MAX_LOCAL_POLLERS));
        for (int i = 0; i < pollers; i++) {
            Thread thread = new Thread(this::poll, "sqs-" + function.name() + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void poll() {
        while (running.get()) {
            try {
                inFlight.incrementAndGet();
                try {
                    List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(Math.min(10, source.batchSize())).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                    if (!messages.isEmpty()) {
                        deliver(messages);
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    lastFailure = e.toString();
                    System.err.println("[" + name() + "] queue polling failed, retrying: " + e);
                    sleep(500);
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
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
        Set<String> failed = new HashSet<>();
        try {
            byte[] output = function.invoke(JSON.writeValueAsBytes(event));
            if (source.reportBatchItemFailures() && output.length > 0) {
                JsonNode response = JSON.readTree(output);
                for (JsonNode failure : response.path("batchItemFailures")) {
                    failed.add(failure.path("itemIdentifier").asText());
                }
            }
        } catch (Exception e) {
            // a function error: the whole batch comes back after the visibility timeout
            lastFailure = e.toString();
            return;
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
        delivered.addAndGet(done.size());
        if (!failed.isEmpty()) {
            lastFailure = failed.size() + " message(s) reported as batch item failures";
        }
    }

    /** Messages the function processed (and the poller deleted) so far. */
    public long delivered() {
        return delivered.get();
    }

    /** True once the queue holds no message, visible or in flight (a batch being delivered is in flight). */
    public boolean awaitIdle(Instant deadline) {
        int quietChecks = 0;
        while (Instant.now().isBefore(deadline)) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            boolean empty = "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            // a batch being delivered is still "not visible" until the poller deletes it
            quietChecks = empty ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    public String busyReason() {
        return lastFailure == null ? "messages still queued" : lastFailure;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

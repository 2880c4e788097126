package dev.refer.local.queues;

import dev.refer.emulators.QueueSource;
import dev.refer.local.lambda.LocalFunction;
import dev.refer.testkit.queues.QueueDriver;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's SQS event source mapping for one function, against the queue in moto: pollers (up to the source's maximum
 * concurrency, at most 4 locally) each receive up to a batch of messages and hand it to the function through the
 * test kit's {@link QueueDriver} (the one driver the tests use too), which deletes the messages the function
 * processed: all of them when it returns without batch item failures, none when it fails. A message left undeleted
 * comes back after the queue's visibility timeout, and moves to the dead-letter queue after the redrive policy's
 * {@code maxReceiveCount} receives, as SQS does it.
 */
public final class QueuePoller implements AutoCloseable {

    private static final int MAX_LOCAL_POLLERS = 4;

    private final QueueDriver driver;
    private final QueueSource source;
    private final LocalFunction function;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger delivering = new AtomicInteger();
    private final boolean setsOwnRetryWaits;
    private final AtomicLong delivered = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String lastFailure;

    public QueuePoller(SqsClient sqs, String queueUrl, String queueArn, QueueSource source, LocalFunction function,
                       String region) {
        this(sqs, queueUrl, queueArn, source, function, region, false);
    }

    /**
     * @param setsOwnRetryWaits the function sets a failed message's wait itself (ChangeMessageVisibility: the
     *                          outbound webhooks' backoff, up to 12 hours): a message waiting it out is not work in
     *                          progress, so the queue is idle once nothing is visible and no batch is being handled
     */
    public QueuePoller(SqsClient sqs, String queueUrl, String queueArn, QueueSource source, LocalFunction function,
                       String region, boolean setsOwnRetryWaits) {
        this.driver = new QueueDriver(sqs, queueUrl, queueArn, region);
        this.source = source;
        this.function = function;
        this.setsOwnRetryWaits = setsOwnRetryWaits;
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
                    List<Message> messages = driver.receive(source.batchSize(), 1);
                    if (!messages.isEmpty()) {
                        delivering.incrementAndGet();
                        try {
                            deliver(messages);
                        } finally {
                            delivering.decrementAndGet();
                        }
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
        QueueDriver.Delivery delivery = driver.deliver(messages, function::invoke, source.reportBatchItemFailures());
        delivered.addAndGet(delivery.processed());
        if (delivery.error() != null) {
            lastFailure = delivery.error().toString();
        } else if (delivery.failed() > 0) {
            lastFailure = delivery.failed() + " message(s) reported as batch item failures";
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
            boolean empty = setsOwnRetryWaits ? driver.depth() == 0 && delivering.get() == 0
                    : driver.isEmpty();
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

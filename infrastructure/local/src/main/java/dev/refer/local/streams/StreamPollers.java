package dev.refer.local.streams;

import dev.refer.emulators.StreamSource;
import dev.refer.local.lambda.LocalFunction;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The DynamoDB Streams event source mappings of the local stack, one polling thread each. */
public final class StreamPollers implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final String region;
    private final List<StreamPoller> pollers = new ArrayList<>();

    public StreamPollers(DynamoDbStreamsClient streams, String region) {
        this.streams = streams;
        this.region = region;
    }

    /** Starts delivering the stream's records to the function as the event source describes. */
    public void subscribe(String streamArn, StreamSource source, LocalFunction function) {
        subscribe(streamArn, source, function, null);
    }

    /**
     * As {@link #subscribe(String, StreamSource, LocalFunction)}, with the on-failure destination: it receives the
     * description of each batch skipped after its retries (Lambda sends it to the source's OnFailure queue).
     */
    public void subscribe(String streamArn, StreamSource source, LocalFunction function,
                          java.util.function.Consumer<String> onFailure) {
        StreamPoller poller = new StreamPoller(streams, streamArn, source, function, region, onFailure);
        pollers.add(poller);
        poller.start();
    }

    /**
     * Returns once every function has been given everything in its stream at the time of the call (and anything
     * that arrived meanwhile), retries included.
     *
     * @throws IllegalStateException naming the busy function when that takes longer than {@code timeout}
     */
    public void awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long readBefore;
        do {
            // One consumer's writes can feed another's stream: repeat until a whole pass read nothing new.
            readBefore = recordsRead();
            pollers.forEach(poller -> awaitIdle(poller, deadline, timeout));
        } while (pollers.size() > 1 && recordsRead() != readBefore);
    }

    private static void awaitIdle(StreamPoller poller, Instant deadline, Duration timeout) {
        try {
            if (!poller.awaitIdle(deadline)) {
                throw new IllegalStateException("the stream consumer " + poller.name() + " is not idle after "
                        + timeout + ": " + poller.busyReason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stream consumers", e);
        }
    }

    private long recordsRead() {
        return pollers.stream().mapToLong(StreamPoller::recordsRead).sum();
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
    }
}

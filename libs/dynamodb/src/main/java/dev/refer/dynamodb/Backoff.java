package dev.refer.dynamodb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A short random pause before retrying a conflicting transaction or unprocessed keys, longer on each attempt. */
public final class Backoff {

    private Backoff() {
    }

    public static void pause(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}

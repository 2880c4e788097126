package dev.refer.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles. */
final class Percentiles {

    private final long[] samples;
    private int size;

    Percentiles(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds, nearest-rank. */
    double ms(double p) {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1_000_000.0;
    }
}

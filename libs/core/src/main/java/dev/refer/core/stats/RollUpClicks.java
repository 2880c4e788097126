package dev.refer.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rolls the next epoch of click deltas up into the partners' monthly click counts (a scheduled job). One run: seal the
 * epoch after the last rolled one (new deltas go to the next), sum its deltas per partner and month, add each sum to
 * the partner's month (in parallel; each partner-month at most once per epoch), then record the epoch as rolled.
 * A run that dies anywhere is finished by the next one: sealing is idempotent, the additions are conditional on the
 * epoch, and the epoch is only recorded as rolled at the end.
 */
public final class RollUpClicks {

    /** What one run did. */
    public record Result(long epoch, long clicks, int partnerMonths, int alreadyAdded) {
    }

    private final ClickRollups rollups;
    private final int parallelism;

    /**
     * @param parallelism partner-months written at once (the writes are independent and I/O bound); 1 writes them
     *                    all on the calling thread
     */
    public RollUpClicks(ClickRollups rollups, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.rollups = rollups;
        this.parallelism = parallelism;
    }

    public Result run() {
        ClickRollups.Epochs epochs = rollups.epochs();
        long epoch = epochs.rolled() + 1;
        if (epochs.sealed() < epoch) {
            rollups.seal(epoch);
        }
        Map<String, Sum> sums = new HashMap<>();
        long[] clicks = {0};
        rollups.readDeltas(epoch, line -> {
            sums.computeIfAbsent(line.partnerId().value() + "/" + line.month(), key -> new Sum(line)).add(line);
            clicks[0] += line.clicks();
        });
        AtomicInteger already = new AtomicInteger();
        List<ClickRollups.PartnerClicks> additions = sums.values().stream().map(Sum::toClicks).toList();
        if (parallelism == 1) {
            for (ClickRollups.PartnerClicks addition : additions) {
                if (!rollups.add(epoch, addition)) {
                    already.incrementAndGet();
                }
            }
        } else if (!additions.isEmpty()) {
            ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, additions.size()));
            try {
                List<Future<?>> pending = new ArrayList<>(additions.size());
                for (ClickRollups.PartnerClicks addition : additions) {
                    pending.add(executor.submit(() -> {
                        if (!rollups.add(epoch, addition)) {
                            already.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> future : pending) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rolling up epoch " + epoch, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            } finally {
                executor.shutdownNow();
            }
        }
        rollups.rolled(epoch);
        return new Result(epoch, clicks[0], additions.size(), already.get());
    }

    private static final class Sum {
        private final ClickRollups.DeltaLine first;
        private final Map<String, Long> perLink = new HashMap<>();
        private long clicks;

        Sum(ClickRollups.DeltaLine first) {
            this.first = first;
        }

        void add(ClickRollups.DeltaLine line) {
            clicks += line.clicks();
            perLink.merge(line.linkCode(), line.clicks(), Long::sum);
        }

        ClickRollups.PartnerClicks toClicks() {
            return new ClickRollups.PartnerClicks(first.partnerId(), first.month(), clicks, perLink);
        }
    }
}

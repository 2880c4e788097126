package dev.refer.core.mail;

import java.time.Duration;
import java.util.Map;

/**
 * The one pace of every function that sends mail (the mail worker, the payout worker): a function environment's sends
 * keep to its share of the account's SES send rate ({@code MailSendRate}), the rate divided by the environments that
 * send at once (the queue's maximum concurrency), one send per interval, waiting for its slot instead of failing.
 *
 * <p>A send the mail service throttles anyway (another function sending at the same time, a lowered quota) went
 * nowhere, so it is sent again in the same invocation after a wait that doubles from {@link Backoff#first()} up to
 * {@link Backoff#max()}, and every later send of the environment waits behind it. Only when the next wait would pass
 * the invocation's deadline (its remaining time less what the rest of the message needs) is the refusal thrown: the
 * send log releases the key and the queue brings the message back, rather than the invocation timing out (which
 * would leave the send claimed and unsent). So is a send whose slot falls past the deadline.
 */
public final class PacedMailer implements Mailer {

    /**
     * 5 % above the exact interval: sends leave on their slots but arrive with the network's and the scheduler's
     * jitter, which can bring one closer to the one before; 2 % (20 ms a second) was not enough on a loaded 2-core
     * machine (5 sends arrived within 983 ms at a pace of 4 a second), 5 % keeps 50 ms a second for it.
     */
    static final double MARGIN = 1.05;

    /** What the rest of a message needs after its send (the send log, the count, the answer to SQS). */
    public static final Duration RESERVE = Duration.ofSeconds(3);

    /** Waits between throttled attempts: doubling from {@code first}, never longer than {@code max}. */
    public record Backoff(Duration first, Duration max) {
        /** SES's rate is per second: a throttled send usually passes within the next one or two. */
        public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4));

        long waitNanos(int attempt) {
            long wait = first.toNanos() << Math.min(attempt - 1, 20);
            return Math.min(wait, max.toNanos());
        }
    }

    /** Time as pacing sees it: a monotonic clock and a wait (tests use a fake one that only moves when waited on). */
    public interface Ticker {
        long nanoTime();

        void sleep(long nanos);

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) {
                try {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pacing a send", e);
                }
            }
        };
    }

    private final Mailer delegate;
    private final long intervalNanos;
    private final Backoff backoff;
    private final Ticker ticker;
    private long nextSlot;
    private volatile long deadline = Long.MAX_VALUE;

    /**
     * @param ratePerSecond the account's SES send rate (MAIL_SEND_RATE: the template's MailSendRate)
     * @param workers       how many function environments send at once (MAIL_WORKERS: the queue's maximum concurrency)
     */
    public PacedMailer(Mailer delegate, double ratePerSecond, int workers) {
        this(delegate, ratePerSecond, workers, Backoff.DEFAULT, Ticker.SYSTEM);
    }

    public PacedMailer(Mailer delegate, double ratePerSecond, int workers, Backoff backoff, Ticker ticker) {
        if (!(ratePerSecond > 0) || workers <= 0) {
            throw new IllegalStateException("MAIL_SEND_RATE and MAIL_WORKERS must be positive");
        }
        this.delegate = delegate;
        // a hair slower than the share: a worker's sends never number more than its share within any one second
        this.intervalNanos = (long) Math.ceil(1e9 * workers / ratePerSecond * MARGIN);
        this.backoff = backoff;
        this.ticker = ticker;
        this.nextSlot = ticker.nanoTime();
    }

    /** The pace of {@code env}: {@code MAIL_SEND_RATE} (default 14, SES's usual production rate) and {@code MAIL_WORKERS}. */
    public static PacedMailer fromEnv(Mailer delegate, Map<String, String> env) {
        return new PacedMailer(delegate, Double.parseDouble(env.getOrDefault("MAIL_SEND_RATE", "14")),
                Integer.parseInt(env.getOrDefault("MAIL_WORKERS", "1")));
    }

    /**
     * Starts an invocation: throttled sends are retried only while {@code remaining} (the invocation's remaining time;
     * null when unknown) less {@link #RESERVE} allows.
     */
    public void invocation(Duration remaining) {
        deadline = remaining == null ? Long.MAX_VALUE : ticker.nanoTime() + remaining.minus(RESERVE).toNanos();
    }

    @Override
    public String send(Letter letter) {
        for (int attempt = 1; ; attempt++) {
            waitForSlot();
            try {
                return delegate.send(letter);
            } catch (MailRefused refused) {
                if (!refused.throttled()) {
                    throw refused;
                }
                long wait = backoff.waitNanos(attempt);
                if (ticker.nanoTime() + wait + intervalNanos > deadline) {
                    throw refused; // no time left in this invocation: the message comes back
                }
                holdBack(wait);
            }
        }
    }

    private void waitForSlot() {
        long slot;
        synchronized (this) {
            long now = ticker.nanoTime();
            slot = Math.max(nextSlot, now);
            if (slot > deadline) {
                // a timeout while waiting would leave the send claimed and unsent: refuse it, the message comes back
                throw new MailRefused("no send slot left in this invocation", null, true);
            }
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - ticker.nanoTime();
        if (wait > 0) {
            ticker.sleep(wait);
        }
    }

    /** The service said slow down: no send of this environment goes before {@code nanos} from now. */
    private synchronized void holdBack(long nanos) {
        nextSlot = Math.max(nextSlot, ticker.nanoTime() + nanos);
    }
}

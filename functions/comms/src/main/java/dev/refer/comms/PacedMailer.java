package dev.refer.comms;

import dev.refer.core.mail.Letter;
import dev.refer.core.mail.Mailer;

/**
 * Keeps a function environment's sends at its share of the account's SES send rate: the rate divided by the
 * workers that run at once (the queue's maximum concurrency), one send per interval, waiting for its slot instead
 * of failing and retrying. Together the workers never exceed the rate.
 */
final class PacedMailer implements Mailer {

    /** 2 % above the exact interval: what a send's own jitter needs to keep each second within the rate. */
    static final double MARGIN = 1.02;

    private final Mailer delegate;
    private final long intervalNanos;
    private long nextSlot;

    /**
     * @param ratePerSecond the account's SES send rate (MAIL_SEND_RATE)
     * @param workers       how many function environments send at once (MAIL_WORKERS)
     */
    PacedMailer(Mailer delegate, double ratePerSecond, int workers) {
        if (ratePerSecond <= 0 || workers <= 0) {
            throw new IllegalStateException("MAIL_SEND_RATE and MAIL_WORKERS must be positive");
        }
        this.delegate = delegate;
        // a hair slower than the share: a worker's sends never number more than its share within any one second
        this.intervalNanos = (long) Math.ceil(1e9 * workers / ratePerSecond * MARGIN);
        this.nextSlot = System.nanoTime();
    }

    @Override
    public String send(Letter letter) {
        waitForSlot();
        return delegate.send(letter);
    }

    private void waitForSlot() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing a send", e);
            }
        }
    }
}

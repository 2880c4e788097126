package dev.refer.testkit.mail;

import dev.refer.testkit.PassThroughProxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PassThroughProxy.Tap} in front of SES: notes when each SendEmail arrives (the send rate as SES sees it,
 * not as the sender's log records it afterwards), and answers the first {@code throttleFirst} sends as SES does when
 * the account's send rate is exceeded, without passing them on.
 */
public final class SesSendLog implements PassThroughProxy.Tap {

    private final AtomicInteger throttle;
    private final String recipients;
    private final List<Long> sends = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttled = new AtomicInteger();

    /**
     * @param throttleFirst how many sends to answer with a throttling error first
     * @param recipients    what a counted send's body contains (e.g. the partners' domain); null counts every send
     */
    public SesSendLog(int throttleFirst, String recipients) {
        this.throttle = new AtomicInteger(throttleFirst);
        this.recipients = recipients;
    }

    @Override
    public PassThroughProxy.Answer see(PassThroughProxy.Request request) {
        if (!request.isSesSend() || (recipients != null && !request.bodyText().contains(recipients))) {
            return null;
        }
        if (throttle.getAndDecrement() > 0) {
            throttled.incrementAndGet();
            return PassThroughProxy.Answer.sesThrottled();
        }
        sends.add(request.arrivedNanos());
        return null;
    }

    /** When each counted send that was passed on arrived ({@link System#nanoTime()}), in order. */
    public List<Long> sends() {
        synchronized (sends) {
            List<Long> copy = new ArrayList<>(sends);
            copy.sort(null);
            return copy;
        }
    }

    /** How many counted sends were passed on so far. */
    public int count() {
        return sends.size();
    }

    /** How many sends were answered as throttled. */
    public int throttled() {
        return throttled.get();
    }
}

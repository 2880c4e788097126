package dev.refer.bench;

import dev.refer.testkit.PassThroughProxy;
import dev.refer.testkit.mail.SesSendLog;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The test kit's pass-through in front of moto, noting when each SES send to the benchmark's partners arrives: the
 * send rate as SES would see it, not as the sender's log records it afterwards. Everything else goes through untouched.
 */
final class SesArrivals implements AutoCloseable {

    private final SesSendLog log;
    private final PassThroughProxy proxy;

    /** @param recipients what the destination of a counted send contains (e.g. the partners' domain) */
    SesArrivals(String recipients) throws IOException {
        this.log = new SesSendLog(0, recipients);
        this.proxy = new PassThroughProxy(null, log);
    }

    /** The address to use instead of {@code target} (moto's). */
    URI in(URI target) {
        return proxy.in(target);
    }

    /** How many counted sends reached SES so far. */
    int count() {
        return log.count();
    }

    /** When each SES v2 SendEmail to the recipients arrived, in nanoseconds ({@link System#nanoTime()}), in order. */
    List<Long> sends() {
        return log.sends();
    }

    @Override
    public void close() {
        proxy.close();
    }
}

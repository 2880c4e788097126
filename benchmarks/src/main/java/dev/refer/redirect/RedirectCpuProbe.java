package dev.refer.redirect;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.ClickRecorder;
import dev.refer.core.link.FollowLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkLookup;
import dev.refer.core.partner.PartnerId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The redirect handler's own CPU per request, with DynamoDB taken out: the production handler class and use case
 * on in-memory ports, fed the real event bytes through the stream interface. Lives in the handler's package (in the
 * benchmark jar) to use the handler's test constructor.
 */
public final class RedirectCpuProbe {

    private RedirectCpuProbe() {
    }

    /** CPU microseconds and allocated bytes per request, with DynamoDB taken out. */
    public record Cost(double cpuMicros, double allocatedBytes) {
    }

    public static Cost perRequest(byte[] event) {
        Link link = new Link(new LinkCode("warm-link"), new PartnerId("01JC0000000000000000000001"),
                URI.create("https://example.com/pricing?plan=pro"), "bench", true, true, Instant.now());
        LinkLookup links = code -> Optional.of(link);
        ClickRecorder clicks = click -> { };
        Clock clock = Clock.systemUTC();
        UlidGenerator ids = new UlidGenerator(clock);
        RedirectHandler handler = new RedirectHandler(new RedirectWiring(new FollowLink(links, clicks, ids, clock,
                Duration.ofDays(90)), ids, null));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warmup = 50_000, measured = 200_000;
        run(handler, event, warmup);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long allocatedStart = threads.getCurrentThreadAllocatedBytes();
        run(handler, event, measured);
        return new Cost((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / measured,
                (threads.getCurrentThreadAllocatedBytes() - allocatedStart) / (double) measured);
    }

    private static void run(RedirectHandler handler, byte[] event, int times) {
        try {
            for (int i = 0; i < times; i++) {
                handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(512), null);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

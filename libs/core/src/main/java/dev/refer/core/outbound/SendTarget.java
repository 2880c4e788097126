package dev.refer.core.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where a delivery may connect, decided right before it is sent: every address the endpoint's host resolves to must
 * be public ({@link PublicAddresses}), else nothing is sent. The check runs immediately before the connection and
 * through the same JVM name cache the HTTP client then reads, so a name that answered a public address at
 * registration and answers a private one now (DNS rebinding) is refused; a sender that can connect to
 * {@link Decision.Allowed#address()} itself closes the remaining gap of a cache entry expiring in between.
 */
public final class SendTarget {

    /** The name service (the JDK's in production, a fake in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    public sealed interface Decision {
        /** Connect to {@code address} (the first resolved), with {@code url}'s host as TLS name and Host header. */
        record Allowed(URI url, InetAddress address) implements Decision {
        }

        /** Nothing is sent; {@code reason} is for the delivery log (no address of the company's network in it). */
        record Refused(String reason) implements Decision {
        }
    }

    private SendTarget() {
    }

    public static Decision check(URI url, Resolver resolver) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            return new Decision.Refused("not an https URL");
        }
        String host = url.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return new Decision.Refused("the host does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Decision.Refused("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return new Decision.Refused("the host resolves to a private, loopback, link-local or reserved address");
            }
        }
        return new Decision.Allowed(url, addresses.getFirst());
    }
}

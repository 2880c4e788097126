package dev.refer.outbound;

import dev.refer.core.outbound.PublicAddresses;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The delivery client's name service: the system's, refusing any name that resolves to a private, loopback,
 * link-local or reserved address ({@link PublicAddresses}). The HTTP client connects only to the addresses this
 * returns, so the check and the connection see the same answer: a name that rebinds to an inside address between the
 * worker's check and the connect (DNS rebinding) reaches nothing.
 */
final class PublicOnlyDnsResolver implements DnsResolver {

    /** A name refused for where it points (its simple name is what the delivery log shows). */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super(host + " resolves to a private, loopback, link-local or reserved address");
        }
    }

    private final DnsResolver system;
    private final boolean allowInside;

    /** @param allowInside true only in tests that deliver to a receiver on loopback */
    PublicOnlyDnsResolver(DnsResolver system, boolean allowInside) {
        this.system = system;
        this.allowInside = allowInside;
    }

    static PublicOnlyDnsResolver strict() {
        return new PublicOnlyDnsResolver(SystemDefaultDnsResolver.INSTANCE, false);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowInside) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new RefusedAddressException(host);
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // never asked for: no Kerberos, no canonical names
    }
}

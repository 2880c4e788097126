package dev.refer.core.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a delivery may reach: public unicast only. Refused are the unspecified, loopback, private (10/8,
 * 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local (169.254/16, where the cloud's metadata service
 * lives, and fe80::/10), unique-local (fc00::/7), multicast and reserved ranges, and IPv6 forms that embed an IPv4
 * address (mapped, compatible, 6to4, NAT64 well-known prefix) are judged by that address.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique-local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site-local (deprecated)
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return isPublicV4(slice(b, 12)); // ::ffff:a.b.c.d
            }
            if (allZero(b, 0, 12)) {
                return false; // ::, ::1 and the deprecated IPv4-compatible form
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(slice(b, 2)); // 2002::/16 6to4
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) {
                return isPublicV4(slice(b, 12)); // 64:ff9b::/96 NAT64
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || a == 100 && c >= 64 && c <= 127
                || a == 169 && c == 254
                || a == 172 && c >= 16 && c <= 31
                || a == 192 && c == 168
                || a == 192 && c == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24 protocol assignments
                || a == 198 && (c == 18 || c == 19)); // benchmarking
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

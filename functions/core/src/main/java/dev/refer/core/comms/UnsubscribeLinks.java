package dev.refer.core.comms;

import dev.refer.core.ids.Ulid;
import dev.refer.core.partner.PartnerId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signed one-click unsubscribe links (RFC 8058): {@code {base}/unsubscribe?t={partnerId}.{topic}.{signature}}, the
 * signature an HMAC-SHA256 of partner and topic under the program's link secret. Anyone holding a link can only
 * turn off that topic for that partner; a link never expires (an old email must keep working). Signatures made with
 * the previous secret are accepted during a rotation.
 */
public final class UnsubscribeLinks {

    public record Target(PartnerId partnerId, Topic topic) {
    }

    private static final int SIGNATURE_CHARS = 27; // 160 bits of the MAC, base64url

    private final String baseUrl;
    private final Supplier<List<String>> source;
    private volatile List<byte[]> secrets;

    /**
     * @param secrets the current secret first, then the previous one during a rotation; read on first use (not at
     *                init, so a SnapStart snapshot holds none and a function that never signs never reads them)
     */
    public UnsubscribeLinks(String baseUrl, Supplier<List<String>> secrets) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.source = secrets;
    }

    private List<byte[]> secrets() {
        List<byte[]> loaded = secrets;
        if (loaded == null) {
            List<String> read = source.get();
            if (read.isEmpty() || read.stream().anyMatch(s -> s == null || s.length() < 16)) {
                throw new IllegalStateException("the mail link secret must be at least 16 characters");
            }
            loaded = read.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
            secrets = loaded;
        }
        return loaded;
    }

    public String url(PartnerId partnerId, Topic topic) {
        return baseUrl + "/unsubscribe?t=" + URLEncoder.encode(token(partnerId, topic), StandardCharsets.UTF_8);
    }

    public String token(PartnerId partnerId, Topic topic) {
        String subject = partnerId.value() + "." + topic.wireName();
        return subject + "." + sign(secrets().get(0), subject);
    }

    /** The partner and topic of a token this program signed; empty for anything else. */
    public Optional<Target> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !Ulid.isValid(parts[0])) {
            return Optional.empty();
        }
        Topic topic;
        try {
            topic = Topic.fromWire(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String subject = parts[0] + "." + parts[1];
        byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
        for (byte[] secret : secrets()) {
            if (MessageDigest.isEqual(sign(secret, subject).getBytes(StandardCharsets.US_ASCII), given)) {
                return Optional.of(new Target(new PartnerId(parts[0]), topic));
            }
        }
        return Optional.empty();
    }

    private static String sign(byte[] secret, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, SIGNATURE_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

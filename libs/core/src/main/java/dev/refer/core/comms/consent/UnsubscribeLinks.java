package dev.refer.core.comms.consent;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.signing.HmacSigner;
import dev.refer.core.comms.Topic;
import dev.refer.core.partner.PartnerId;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe links (RFC 8058): {@code {base}/unsubscribe?t={partnerId}.{topic}.{signature}}, the
 * signature an HMAC-SHA256 ({@link HmacSigner}) of partner and topic under the program's link secret. Anyone holding a link can only
 * turn off that topic for that partner; a link never expires (an old email must keep working). Signatures made with
 * the previous secret are accepted during a rotation.
 *
 * <p>A rotation reaches a warm function environment without a cold start, as the webhook secrets do: the secrets are
 * read again every {@link #REFRESH} (also after a SnapStart restore, the snapshot being older), and a link that
 * verifies with none of them has them read again first (at most once every {@link #MISS_RELOAD}, so forged links
 * cannot make every request a Secrets Manager call): a link signed by a sender that saw the new secret before this
 * environment did verifies at once.
 */
public final class UnsubscribeLinks {

    public record Target(PartnerId partnerId, Topic topic) {
    }

    private static final int SIGNATURE_CHARS = 27; // 160 bits of the MAC, base64url

    /** How long a read of the secrets is used before it is read again (the webhook secrets' interval). */
    public static final Duration REFRESH = Duration.ofMinutes(5);
    /** How soon after a read a link that verifies with none of the secrets may have them read again. */
    public static final Duration MISS_RELOAD = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Supplier<List<String>> source;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(List<byte[]> secrets, Instant at) {
    }

    /** Secrets read once (tests, tools): never read again. */
    public UnsubscribeLinks(String baseUrl, Supplier<List<String>> secrets) {
        this(baseUrl, secrets, null);
    }

    /**
     * @param secrets the current secret first, then the previous one during a rotation; read on first use (not at
     *                init, so a SnapStart snapshot holds none and a function that never signs never reads them)
     * @param clock   when to read them again (null: never)
     */
    public UnsubscribeLinks(String baseUrl, Supplier<List<String>> secrets, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.source = secrets;
        this.clock = clock;
    }

    private List<byte[]> secrets() {
        Loaded current = loaded;
        if (current == null || olderThan(current, REFRESH)) {
            current = reload();
        }
        return current.secrets();
    }

    private boolean olderThan(Loaded current, Duration age) {
        return clock != null && current.at().plus(age).isBefore(clock.instant());
    }

    private Loaded reload() {
        List<String> read = source.get();
        if (read.isEmpty() || read.stream().anyMatch(s -> s == null || s.length() < 16)) {
            throw new IllegalStateException("the mail link secret must be at least 16 characters");
        }
        Loaded fresh = new Loaded(read.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(),
                clock == null ? Instant.EPOCH : clock.instant());
        loaded = fresh;
        return fresh;
    }

    public String url(PartnerId partnerId, Topic topic) {
        return baseUrl + "/unsubscribe?t=" + URLEncoder.encode(token(partnerId, topic), StandardCharsets.UTF_8);
    }

    public String token(PartnerId partnerId, Topic topic) {
        String subject = partnerId.value() + "." + topic.wireName();
        return subject + "." + HmacSigner.sign(secrets().get(0), subject, SIGNATURE_CHARS);
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
        String given = parts[2];
        Target target = new Target(new PartnerId(parts[0]), topic);
        if (HmacSigner.signedWithAnyOf(secrets(), subject, given, SIGNATURE_CHARS)) {
            return Optional.of(target);
        }
        Loaded current = loaded;
        if (current != null && olderThan(current, MISS_RELOAD)
                && HmacSigner.signedWithAnyOf(reload().secrets(), subject, given, SIGNATURE_CHARS)) {
            return Optional.of(target); // signed with a secret rotated in since the last read
        }
        return Optional.empty();
    }
}

package dev.refer.core.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature we send (the scheme our own conversion webhook verifies inbound): the
 * {@code webhook-signature} header is {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under each signing
 * secret's decoded key, space-separated, so a receiver that holds either secret of a roll verifies.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The header's value for a message id, a timestamp in epoch seconds and the exact body bytes sent. */
    public static String header(String messageId, long timestampSeconds, String body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        String signed = messageId + "." + timestampSeconds + "." + body;
        return secrets.stream().map(secret -> "v1," + sign(secret.key(), signed)).collect(Collectors.joining(" "));
    }

    private static String sign(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.refer.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard Webhooks verification (the standardwebhooks library): {@code webhook-signature} holds one or more
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, compared in constant time; {@code webhook-timestamp} must be
 * within 5 minutes of now. Returns why a delivery is refused, or empty when it is authentic.
 */
final class SignatureCheck {

    private final Webhook webhook;

    SignatureCheck(String secret) {
        try {
            this.webhook = new Webhook(secret);
        } catch (Exception e) {
            throw new IllegalStateException("WEBHOOK_SECRET must be a Standard Webhooks secret (whsec_<base64>)");
        }
    }

    /** The signature header a sender would send (used to prime the verification path with a valid delivery). */
    String sign(String id, long unixSeconds, String body) {
        try {
            return webhook.sign(id, unixSeconds, body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    Optional<String> refusal(byte[] body, Map<String, String> headers) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signature = headers.get("webhook-signature");
        if (id == null || timestamp == null || signature == null) {
            return Optional.of("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        try {
            webhook.verify(new String(body, StandardCharsets.UTF_8), Map.of(
                    "webhook-id", List.of(id),
                    "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
            return Optional.empty();
        } catch (WebhookVerificationException e) {
            return Optional.of(switch (String.valueOf(e.getMessage())) {
                case "Message timestamp too old", "Message timestamp too new" ->
                        "webhook-timestamp is more than 5 minutes away from now";
                case "Invalid Signature Headers" -> "webhook-timestamp must be Unix seconds";
                default -> "webhook-signature does not match the body";
            });
        }
    }
}

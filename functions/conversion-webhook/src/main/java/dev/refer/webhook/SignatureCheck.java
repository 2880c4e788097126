package dev.refer.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard Webhooks verification (the standardwebhooks library): {@code webhook-signature} holds one or more
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, compared in constant time; {@code webhook-timestamp} must be
 * within 5 minutes of now. During a rotation two secrets are valid (the new one and the one before): a delivery
 * signed with either is authentic. Returns why a delivery is refused, or empty when it is authentic.
 */
final class SignatureCheck {

    private final List<Webhook> webhooks;

    /** @param secrets the current secret first, then the previous one while a rotation is under way */
    SignatureCheck(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("no webhook signing secret");
        }
        List<Webhook> webhooks = new ArrayList<>();
        for (String secret : secrets) {
            try {
                webhooks.add(new Webhook(secret));
            } catch (Exception e) {
                throw new IllegalStateException("the webhook signing secret must be a Standard Webhooks secret"
                        + " (whsec_<base64>)");
            }
        }
        this.webhooks = List.copyOf(webhooks);
    }

    /** The signature header a sender would send with the current secret (priming signs a valid delivery so). */
    String sign(String id, long unixSeconds, String body) {
        try {
            return webhooks.getFirst().sign(id, unixSeconds, body);
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
        String payload = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> delivery = Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(timestamp),
                "webhook-signature", List.of(signature));
        String refusal = null;
        for (Webhook webhook : webhooks) {
            try {
                webhook.verify(payload, delivery);
                return Optional.empty();
            } catch (WebhookVerificationException e) {
                refusal = switch (String.valueOf(e.getMessage())) {
                    case "Message timestamp too old", "Message timestamp too new" ->
                            "webhook-timestamp is more than 5 minutes away from now";
                    case "Invalid Signature Headers" -> "webhook-timestamp must be Unix seconds";
                    default -> "webhook-signature does not match the body";
                };
            }
        }
        return Optional.of(refusal);
    }
}

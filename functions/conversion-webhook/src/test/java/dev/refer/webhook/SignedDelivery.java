package dev.refer.webhook;

import com.standardwebhooks.Webhook;
import dev.refer.testkit.events.ApiEvent;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

/** Webhook deliveries signed the way a Standard Webhooks sender signs them. */
final class SignedDelivery {

    static final String SECRET = newSecret();

    private SignedDelivery() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static ApiEvent signed(String body) {
        return signedAt(body, System.currentTimeMillis() / 1000, SECRET);
    }

    static ApiEvent signedAt(String body, long unixSeconds, String secret) {
        String id = "msg_" + Long.toHexString(System.nanoTime());
        try {
            String signature = new Webhook(secret).sign(id, unixSeconds, body);
            return ApiEvent.fixture("form-post.json")
                    .route("POST /webhooks/conversions", "/webhooks/conversions", Map.of())
                    .header("origin", null)
                    .header("user-agent", "Billing-Webhooks/1.0")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(unixSeconds))
                    .header("webhook-signature", signature)
                    .body("application/json", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sale that happened an hour ago (billing events are dated by their own time). */
    static String sale(String eventId, String orderId, long amount, String email) {
        return """
                {"id":"%s","type":"sale","orderId":"%s","amount":%d,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_%s","email":"%s"}}"""
                .formatted(eventId, orderId, amount, ago(Duration.ofHours(1)), orderId, email);
    }

    static String refund(String eventId, String orderId, long amount) {
        return """
                {"id":"%s","type":"refund","orderId":"%s","amount":%d,"currency":"EUR",
                 "occurredAt":"%s"}""".formatted(eventId, orderId, amount, ago(Duration.ofMinutes(10)));
    }

    static String ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

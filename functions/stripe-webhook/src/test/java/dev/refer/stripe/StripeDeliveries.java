package dev.refer.stripe;

import com.stripe.net.Webhook;
import dev.refer.testkit.events.ApiEvent;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stripe's events as Stripe sends them (shapes from its API reference, trimmed to what matters plus a few fields we
 * ignore), signed as Stripe signs: {@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, the HMAC keyed
 * with the endpoint's whole {@code whsec_...} secret. The signature is computed by Stripe's own library, not by
 * {@link StripeSignature}, so a mistake in our verifier shows.
 */
final class StripeDeliveries {

    static final String SECRET = newSecret();

    private StripeDeliveries() {
    }

    static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "whsec_" + HexFormat.of().formatHex(random);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * Stripe's header for {@code body} signed at {@code t} with {@code secret}, the signature computed by Stripe's own
     * library ({@code stripe-java}'s {@code Webhook.Util}, a test dependency only): every delivery of these tests is
     * signed as Stripe signs, independently of {@link StripeSignature}.
     */
    static String header(String secret, long t, String body) {
        try {
            return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiEvent signed(String body) {
        return delivery(body, header(SECRET, now(), body));
    }

    static ApiEvent delivery(String body, String signatureHeader) {
        ApiEvent event = ApiEvent.fixture("form-post.json")
                .route("POST /webhooks/stripe", "/webhooks/stripe", Map.of())
                .header("origin", null)
                .header("user-agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .body("application/json; charset=utf-8", body);
        return signatureHeader == null ? event : event.header("stripe-signature", signatureHeader);
    }

    static String event(String id, String type, long created, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2025-02-24.acacia","created":%d,"livemode":false,
                 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s",
                 "data":{"object":%s}}""".formatted(id, created, type, object);
    }

    /** A paid one-off checkout session (mode payment) of {@code amount} minor units. */
    static String checkoutPayment(String sessionId, String paymentIntent, long amount, String currency,
                                  String customer, String email, String clientReference, String extra) {
        return """
                {"id":"%s","object":"checkout.session","mode":"payment","status":"complete","payment_status":"paid",
                 "amount_subtotal":%d,"amount_total":%d,"currency":"%s","payment_intent":"%s","invoice":null,
                 "customer":%s,"customer_details":{"email":"%s","name":"Ada"},"client_reference_id":%s,
                 "metadata":{},"livemode":false%s}""".formatted(sessionId, amount, amount, currency, paymentIntent,
                customer == null ? "null" : "\"" + customer + "\"", email,
                clientReference == null ? "null" : "\"" + clientReference + "\"", extra == null ? "" : "," + extra);
    }

    /** A paid checkout session of a subscription (mode subscription), naming its first invoice. */
    static String checkoutSubscription(String sessionId, String invoice, String subscription, long amount,
                                       String customer, String email, String clientReference) {
        return """
                {"id":"%s","object":"checkout.session","mode":"subscription","status":"complete",
                 "payment_status":"paid","amount_total":%d,"currency":"eur","payment_intent":null,"invoice":"%s",
                 "subscription":"%s","customer":"%s","customer_details":{"email":"%s"},"client_reference_id":%s,
                 "metadata":{}}""".formatted(sessionId, amount, invoice, subscription, customer, email,
                clientReference == null ? "null" : "\"" + clientReference + "\"");
    }

    /** A paid invoice of a subscription; {@code reason}: subscription_create (the first) or subscription_cycle. */
    static String invoice(String invoiceId, String subscription, String reason, long amount, String customer,
                          String email, String subscriptionMetadata) {
        return """
                {"id":"%s","object":"invoice","billing_reason":"%s","status":"paid","paid":true,"amount_due":%d,
                 "amount_paid":%d,"currency":"eur","customer":"%s","customer_email":"%s","subscription":"%s",
                 "payment_intent":"pi_%s","subscription_details":{"metadata":%s},"metadata":{},"discount":null,
                 "discounts":[],"lines":{"object":"list","data":[]}}""".formatted(invoiceId, reason, amount,
                amount, customer, email, subscription, invoiceId,
                subscriptionMetadata == null ? "{}" : subscriptionMetadata);
    }

    /** A charge with its cumulative {@code amount_refunded}; {@code invoice} may be null (a one-off payment). */
    static String refundedCharge(String chargeId, String invoice, String paymentIntent, long amount,
                                 long amountRefunded, String currency) {
        return """
                {"id":"%s","object":"charge","amount":%d,"amount_refunded":%d,"refunded":%b,"currency":"%s",
                 "invoice":%s,"payment_intent":"%s","customer":"cus_1","billing_details":{"email":null}}"""
                .formatted(chargeId, amount, amountRefunded, amountRefunded == amount, currency,
                        invoice == null ? "null" : "\"" + invoice + "\"", paymentIntent);
    }
}

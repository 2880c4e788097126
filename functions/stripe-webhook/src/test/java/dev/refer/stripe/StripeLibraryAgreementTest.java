package dev.refer.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our verifier against Stripe's own library ({@code stripe-java}, a test dependency only: the function keeps its
 * 2-class verifier on the JDK's HMAC, so Stripe's library and Gson stay out of its cold start). Both must accept the
 * same headers and refuse the same forgeries, and every event shape the Stripe tests deliver must be one Stripe's
 * library verifies and parses as the type we route on.
 */
class StripeLibraryAgreementTest {

    private static final long T = 1_765_000_000L;
    private static final String SECRET = StripeDeliveries.newSecret();

    private static StripeSignature oursAt(long unixSeconds, String... secrets) {
        return new StripeSignature(List.of(secrets), Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC));
    }

    private static Optional<String> ours(StripeSignature signature, String body, String header) {
        return signature.refusal(body.getBytes(StandardCharsets.UTF_8), header);
    }

    private static boolean stripeAccepts(String body, String header, String secret, long nowSeconds) {
        try {
            return Webhook.Signature.verifyHeader(body, header, secret, StripeSignature.TOLERANCE.toSeconds(),
                    Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC));
        } catch (SignatureVerificationException refused) {
            return false;
        }
    }

    /** Every event shape the Stripe tests deliver. */
    private static Map<String, String> shapes() {
        return Map.of(
                "checkout.session.completed",
                StripeDeliveries.event("evt_1", "checkout.session.completed", T,
                        StripeDeliveries.checkoutPayment("cs_1", "pi_1", 12_500, "eur", "cus_1",
                                "ada@buyer.example", "anna-news", null)),
                "invoice.paid",
                StripeDeliveries.event("evt_2", "invoice.paid", T,
                        StripeDeliveries.invoice("in_1", "sub_1", "subscription_cycle", 9_900, "cus_1",
                                "ada@buyer.example", null)),
                "charge.refunded",
                StripeDeliveries.event("evt_3", "charge.refunded", T,
                        StripeDeliveries.refundedCharge("ch_1", "in_1", "pi_1", 9_900, 4_950, "eur")));
    }

    @Test
    void aHeaderSignedByStripesLibrary_isAcceptedByOurs_andTamperingIsRefusedByBoth() throws Exception {
        for (var shape : shapes().entrySet()) {
            String body = shape.getValue();
            String header = "t=" + T + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, T + "." + body);
            assertTrue(stripeAccepts(body, header, SECRET, T), shape.getKey());
            assertEquals(Optional.empty(), ours(oursAt(T, SECRET), body, header), shape.getKey());

            String tampered = body.replace("\"eur\"", "\"usd\"").replace("9900", "99000").replace("12500", "125000");
            assertTrue(!stripeAccepts(tampered, header, SECRET, T) && ours(oursAt(T, SECRET), tampered, header)
                    .isPresent(), "a changed body fails both: " + shape.getKey());
            assertTrue(!stripeAccepts(body, header, "whsec_other", T) && ours(oursAt(T, "whsec_other"), body, header)
                    .isPresent(), "another secret fails both: " + shape.getKey());
        }
    }

    @Test
    void theTolerance_isStripesTolerance() throws Exception {
        String body = shapes().get("invoice.paid");
        String header = "t=" + T + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, T + "." + body);
        for (long now : new long[]{T + 299, T + 300, T + 301, T + 3_600}) {
            assertEquals(stripeAccepts(body, header, SECRET, now), ours(oursAt(now, SECRET), body, header).isEmpty(),
                    "the same answer " + (now - T) + " s after signing");
        }
        assertTrue(ours(oursAt(T + 301, SECRET), body, header).isPresent(), "301 s late is refused");
    }

    @Test
    void duringASecretRoll_aHeaderWithBothSignatures_passesBoth() throws Exception {
        String body = shapes().get("charge.refunded");
        String next = StripeDeliveries.newSecret();
        String header = "t=" + T + ",v1=" + Webhook.Util.computeHmacSha256(next, T + "." + body)
                + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, T + "." + body);
        assertTrue(stripeAccepts(body, header, SECRET, T) && stripeAccepts(body, header, next, T));
        assertEquals(Optional.empty(), ours(oursAt(T, SECRET), body, header), "the old secret alone");
        assertEquals(Optional.empty(), ours(oursAt(T, next), body, header), "the new secret alone");
    }

    @Test
    void theHeadersOurTestsSend_areOnesStripesLibraryVerifies_andTheShapesParseAsStripeEvents() throws Exception {
        for (var shape : shapes().entrySet()) {
            String header = StripeDeliveries.header(SECRET, T, shape.getValue());
            Event event = Webhook.constructEvent(shape.getValue(), header, SECRET, Long.MAX_VALUE / 2);
            assertEquals(shape.getKey(), event.getType(), "Stripe's library reads the type we route on");
            assertTrue(event.getId().startsWith("evt_"), event.getId());
        }
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(shapes().get("invoice.paid"),
                StripeSignature.header("whsec_other", T, shapes().get("invoice.paid")), SECRET, Long.MAX_VALUE / 2));
    }
}

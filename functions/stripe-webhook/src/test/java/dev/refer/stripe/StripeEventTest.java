package dev.refer.stripe;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.conversion.ConversionKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.refer.stripe.StripeDeliveries.checkoutPayment;
import static dev.refer.stripe.StripeDeliveries.event;
import static dev.refer.stripe.StripeDeliveries.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes Stripe's events come in (API versions before and after 2025-03-31, expanded fields) and what they mean. */
class StripeEventTest {

    private static final long CREATED = 1_795_428_000L;

    private static StripeEvent parse(String json) {
        return StripeEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCheckoutSession_isTheSaleOfItsPaymentIntent_datedByTheEvent() {
        StripeEvent.Sale sale = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_1",
                "checkout.session.completed", CREATED, checkoutPayment("cs_1", "pi_1", 12_345, "eur", "cus_1",
                        "ada@acme.example", "anna-news", null))));
        assertEquals("cs_1", sale.command().eventId());
        assertEquals("pi_1", sale.command().orderId());
        assertEquals(ConversionKind.SALE, sale.command().kind());
        assertEquals(12_345, sale.command().amount().minor());
        assertEquals("EUR", sale.command().amount().currency().getCurrencyCode());
        assertEquals("cus_1", sale.command().customerExternalId());
        assertEquals("ada@acme.example", sale.command().customerEmail().value());
        assertEquals(Instant.ofEpochSecond(CREATED), sale.command().occurredAt());
        assertEquals("anna-news", sale.command().ref());
        assertNull(sale.command().rid());
        assertFalse(sale.firstInvoice());
    }

    @Test
    void anAsyncPaymentThatSucceeded_isTheSameSale() {
        String session = checkoutPayment("cs_1", "pi_1", 500, "eur", null, "ada@acme.example", null, null);
        StripeEvent.Sale sale = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_2",
                "checkout.session.async_payment_succeeded", CREATED, session)));
        assertEquals("cs_1", sale.command().eventId());
        assertNull(sale.command().customerExternalId(), "a guest checkout names no customer");
    }

    @Test
    void aSetupSession_andAnUnpaidOne_areIgnored() {
        String setup = checkoutPayment("cs_1", "pi_1", 500, "eur", "cus_1", "a@b.example", null, null)
                .replace("\"mode\":\"payment\"", "\"mode\":\"setup\"");
        assertInstanceOf(StripeEvent.Ignored.class, parse(event("evt_1", "checkout.session.completed", CREATED,
                setup)));
        String unpaid = checkoutPayment("cs_1", "pi_1", 500, "eur", "cus_1", "a@b.example", null, null)
                .replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
        assertInstanceOf(StripeEvent.Ignored.class, parse(event("evt_1", "checkout.session.completed", CREATED,
                unpaid)));
    }

    @Test
    void anInvoice_ofTheNewerApiVersions_readsItsSubscriptionFromParent() {
        String basil = """
                {"id":"in_1","object":"invoice","billing_reason":"subscription_create","amount_paid":9900,
                 "currency":"jpy","customer":{"id":"cus_1","object":"customer","metadata":{"rid":"not-a-ulid"}},
                 "customer_email":"ada@acme.example",
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"sub_1",
                   "metadata":{"ref":"anna-news"}}},
                 "discounts":[{"id":"di_1","promotion_code":{"id":"promo_1Anna","object":"promotion_code"}}]}""";
        StripeEvent.Sale sale = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_1", "invoice.paid",
                CREATED, basil)));
        assertTrue(sale.firstInvoice());
        assertEquals("in_1", sale.command().eventId());
        assertEquals("in_1", sale.command().orderId());
        assertEquals(9_900, sale.command().amount().minor(), "yen are whole units");
        assertEquals("JPY", sale.command().amount().currency().getCurrencyCode());
        assertEquals("cus_1", sale.command().customerExternalId(), "an expanded customer's id");
        assertEquals("anna-news", sale.command().ref());
        assertNull(sale.command().rid(), "a metadata value that is no click id is no evidence");
        assertEquals("promo_1Anna", sale.command().promotionCode());
    }

    @Test
    void aLaterInvoice_isARenewal_andTheLegacyDiscountNamesItsPromotionCode() {
        String cycle = invoice("in_2", "sub_1", "subscription_cycle", 9_900, "cus_1", "a@b.example", null)
                .replace("\"discount\":null", "\"discount\":{\"id\":\"di_1\",\"promotion_code\":\"promo_1Anna\"}");
        StripeEvent.Sale renewal = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_1", "invoice.paid",
                CREATED, cycle)));
        assertEquals(ConversionKind.RENEWAL, renewal.command().kind());
        assertFalse(renewal.firstInvoice());
        assertEquals("promo_1Anna", renewal.command().promotionCode());
    }

    @Test
    void aRefundedCharge_namesItsInvoice_elseItsPaymentIntent_andCarriesItsTotal() {
        StripeEvent.RefundedTotal ofInvoice = assertInstanceOf(StripeEvent.RefundedTotal.class, parse(event("evt_1",
                "charge.refunded", CREATED, StripeDeliveries.refundedCharge("ch_1", "in_1", "pi_1", 9_900, 900,
                        "eur"))));
        assertEquals("in_1", ofInvoice.command().orderId());
        assertEquals(900, ofInvoice.command().amount().minor());
        assertEquals("ch_1:refunded:900", ofInvoice.command().eventId());
        StripeEvent.RefundedTotal ofPayment = assertInstanceOf(StripeEvent.RefundedTotal.class, parse(event("evt_2",
                "charge.refunded", CREATED, StripeDeliveries.refundedCharge("ch_2", null, "pi_2", 9_900, 9_900,
                        "eur"))));
        assertEquals("pi_2", ofPayment.command().orderId());
    }

    @Test
    void aClickIdInClientReference_isTheRid_overAMetadataRef() {
        String click = "01JD8X3Q6W4T2N7R5B9C0MFKZP";
        String session = checkoutPayment("cs_1", "pi_1", 500, "eur", "cus_1", "a@b.example", click, null)
                .replace("\"metadata\":{}", "\"metadata\":{\"ref\":\"anna-news\",\"rid\":\"01JD8X3Q6W4T2N7R5B9C0MFKZQ\"}");
        StripeEvent.Sale sale = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_1",
                "checkout.session.completed", CREATED, session)));
        assertEquals(click, sale.command().rid(), "client_reference_id first");
        assertEquals("anna-news", sale.command().ref(), "the code too, for the policy to rank");
    }

    @Test
    void anUnreadableEmail_isNoEvidence_theSaleStillCounts() {
        String session = checkoutPayment("cs_1", "pi_1", 500, "eur", "cus_1", "not an email <script>", null, null);
        StripeEvent.Sale sale = assertInstanceOf(StripeEvent.Sale.class, parse(event("evt_1",
                "checkout.session.completed", CREATED, session)));
        assertNull(sale.command().customerEmail());
    }

    @Test
    void aHandledTypeWithoutItsFields_namesTheField() {
        Invalid missing = assertThrows(Invalid.class, () -> parse(event("evt_1", "checkout.session.completed",
                CREATED, "{\"id\":\"cs_1\",\"payment_status\":\"paid\",\"mode\":\"payment\",\"currency\":\"eur\"}")));
        assertEquals("data.object.amount_total", missing.violations().getFirst().field());
        Invalid noCreated = assertThrows(Invalid.class, () -> parse("{\"id\":\"evt_1\",\"type\":\"invoice.paid\","
                + "\"data\":{\"object\":{\"id\":\"in_1\"}}}"));
        assertEquals("created", noCreated.violations().getFirst().field());
    }
}

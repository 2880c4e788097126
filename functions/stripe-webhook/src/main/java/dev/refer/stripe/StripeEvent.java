package dev.refer.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.link.LinkCode;
import dev.refer.lambda.LambdaJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Stripe event ({@code {"id":"evt_...","type":...,"created":...,"data":{"object":{...}}}}) and what it means for
 * the program, one of:
 * <ul>
 *   <li>{@code checkout.session.completed} (or {@code checkout.session.async_payment_succeeded}) with
 *       {@code payment_status} {@code paid}: in {@code payment} mode a one-off <b>sale</b> of the payment intent (the
 *       order a refund's charge names); in {@code subscription} mode the <b>sale</b> of the subscription's first
 *       invoice (the same conversion as that invoice's {@code invoice.paid}, whichever arrives first);</li>
 *   <li>{@code invoice.paid} of a subscription: {@code billing_reason} {@code subscription_create} is the first
 *       invoice, the <b>sale</b>; any later one ({@code subscription_cycle}, {@code subscription_update}, ...) a
 *       <b>renewal</b>. The order is the invoice; invoices outside a subscription are ignored (a one-off payment is
 *       its checkout session's sale);</li>
 *   <li>{@code charge.refunded}: the charge's <em>cumulative</em> {@code amount_refunded} of the order it paid (its
 *       invoice, else its payment intent): each delivery refunds only the difference;</li>
 *   <li>anything else (and a session not paid yet, or an amount of zero): ignored.</li>
 * </ul>
 * Each conversion is keyed by the Stripe object it records (the invoice, the session, the charge's refunded total),
 * so Stripe's redeliveries and the two reports of a subscription's first payment are one event id.
 *
 * <p>Attribution, strongest source first: {@code client_reference_id} (a click id or a link code; any other value is
 * the company's own and ignored), then {@code metadata.rid} / {@code metadata.ref} of the session or invoice, of the
 * subscription ({@code subscription_details}), of the customer (when the event carries it expanded); and a partner's
 * promotion code among the {@code discounts}. Amounts are Stripe's integer minor units, which for zero-decimal
 * currencies (JPY) are whole units, as ours are.
 */
sealed interface StripeEvent {

    /** A sale or renewal; {@code firstInvoice}: an {@code invoice.paid} that may precede its checkout session. */
    record Sale(ConversionCommand command, boolean firstInvoice, Instant reportedAt) implements StripeEvent {
    }

    /** {@code command.amount()} is the order's cumulative refunded total. */
    record RefundedTotal(ConversionCommand command) implements StripeEvent {
    }

    record Ignored(String type, String why) implements StripeEvent {
    }

    static StripeEvent parse(byte[] body) {
        JsonNode event = LambdaJson.readBody(body, JsonNode.class);
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null) {
            throw Invalid.field("id", "is required (a Stripe event id)");
        }
        if (type == null) {
            throw Invalid.field("type", "is required (a Stripe event type)");
        }
        JsonNode object = event.path("data").path("object");
        boolean handled = switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded", "invoice.paid",
                 "charge.refunded" -> true;
            default -> false;
        };
        if (!handled) {
            return new Ignored(type, "not an event the program records");
        }
        if (!object.isObject()) {
            throw Invalid.field("data.object", "is required (the event's object)");
        }
        Instant created = Instant.ofEpochSecond(number(event, "created", "created"));
        return switch (type) {
            case "invoice.paid" -> invoice(type, object, created);
            case "charge.refunded" -> refund(type, object, created);
            default -> session(type, object, created);
        };
    }

    private static StripeEvent session(String type, JsonNode session, Instant created) {
        String status = text(session, "payment_status");
        if (!"paid".equals(status)) {
            return new Ignored(type, "payment_status is " + status + ", not paid");
        }
        long amount = number(session, "amount_total", "data.object.amount_total");
        if (amount <= 0) {
            return new Ignored(type, "nothing was paid");
        }
        String mode = text(session, "mode");
        String sessionId = required(session, "id", "data.object.id");
        String eventId;
        String orderId;
        boolean subscription = "subscription".equals(mode);
        if (subscription) {
            String invoice = id(session.path("invoice"));
            if (invoice == null) {
                throw Invalid.field("data.object.invoice", "is required for a subscription's checkout session");
            }
            eventId = invoice;
            orderId = invoice;
        } else if ("payment".equals(mode)) {
            String paymentIntent = id(session.path("payment_intent"));
            eventId = sessionId;
            orderId = paymentIntent != null ? paymentIntent : sessionId;
        } else {
            return new Ignored(type, "mode " + mode + " is no payment");
        }
        Evidence evidence = new Evidence();
        evidence.clientReference(text(session, "client_reference_id"));
        evidence.metadata(session.path("metadata"));
        evidence.metadata(session.path("customer").path("metadata"));
        evidence.discounts(session.path("discounts"));
        String email = text(session.path("customer_details"), "email");
        if (email == null) {
            email = text(session, "customer_email");
        }
        return new Sale(command(eventId, ConversionKind.SALE, orderId, amount, session, id(session.path("customer")),
                email, created, evidence), false, created);
    }

    private static StripeEvent invoice(String type, JsonNode invoice, Instant created) {
        String invoiceId = required(invoice, "id", "data.object.id");
        JsonNode subscriptionDetails = invoice.path("subscription_details").isObject()
                ? invoice.path("subscription_details") : invoice.path("parent").path("subscription_details");
        String subscription = id(invoice.path("subscription"));
        if (subscription == null) {
            subscription = id(subscriptionDetails.path("subscription"));
        }
        if (subscription == null) {
            return new Ignored(type, "an invoice outside a subscription (a one-off payment is its checkout session)");
        }
        long amount = number(invoice, "amount_paid", "data.object.amount_paid");
        if (amount <= 0) {
            return new Ignored(type, "nothing was paid");
        }
        String reason = text(invoice, "billing_reason");
        if ("manual".equals(reason) || "upcoming".equals(reason)) {
            return new Ignored(type, "billing_reason " + reason + " is no subscription payment");
        }
        boolean first = "subscription_create".equals(reason);
        Evidence evidence = new Evidence();
        evidence.metadata(invoice.path("metadata"));
        evidence.metadata(subscriptionDetails.path("metadata"));
        evidence.metadata(invoice.path("subscription").path("metadata"));
        evidence.metadata(invoice.path("customer").path("metadata"));
        evidence.discounts(invoice.path("discounts"));
        evidence.discount(invoice.path("discount"));
        return new Sale(command(invoiceId, first ? ConversionKind.SALE : ConversionKind.RENEWAL, invoiceId, amount,
                invoice, id(invoice.path("customer")), text(invoice, "customer_email"), created, evidence), first,
                created);
    }

    private static StripeEvent refund(String type, JsonNode charge, Instant created) {
        String chargeId = required(charge, "id", "data.object.id");
        long refunded = number(charge, "amount_refunded", "data.object.amount_refunded");
        if (refunded <= 0) {
            return new Ignored(type, "nothing was refunded");
        }
        String orderId = id(charge.path("invoice"));
        if (orderId == null) {
            orderId = id(charge.path("payment_intent"));
        }
        if (orderId == null) {
            orderId = chargeId;
        }
        return new RefundedTotal(command(chargeId + ":refunded:" + refunded, ConversionKind.REFUND, orderId,
                refunded, charge, id(charge.path("customer")), text(charge.path("billing_details"), "email"),
                created, new Evidence()));
    }

    private static ConversionCommand command(String eventId, ConversionKind kind, String orderId, long amount,
                                             JsonNode object, String customer, String email, Instant at,
                                             Evidence evidence) {
        String currency = required(object, "currency", "data.object.currency").toUpperCase(Locale.ROOT);
        Money money;
        try {
            money = Money.of(amount, currency);
        } catch (RuntimeException e) {
            throw Invalid.field("data.object.currency", "must be an ISO-4217 currency code");
        }
        EmailAddress customerEmail = null;
        if (email != null) {
            try {
                customerEmail = new EmailAddress(email);
            } catch (RuntimeException e) {
                customerEmail = null; // an address we cannot read is no evidence, and the sale still counts
            }
        }
        return new ConversionCommand(eventId, kind, orderId, money, customer, customerEmail, at, evidence.rid,
                evidence.ref, evidence.promotionCodes.isEmpty() ? null : evidence.promotionCodes.getFirst());
    }

    /** The attribution an event carries, first source first. */
    final class Evidence {
        private String rid;
        private String ref;
        private final List<String> promotionCodes = new ArrayList<>();

        /** A click id or a link code; any other value is the company's own reference and no evidence. */
        void clientReference(String value) {
            if (value == null) {
                return;
            }
            if (Ulid.isValid(value)) {
                rid = rid == null ? value : rid;
            } else if (LinkCode.isWellFormed(value)) {
                ref = ref == null ? value : ref;
            }
        }

        void metadata(JsonNode metadata) {
            if (!metadata.isObject()) {
                return;
            }
            String r = text(metadata, "rid");
            if (rid == null && r != null && Ulid.isValid(r)) {
                rid = r;
            }
            String code = text(metadata, "ref");
            if (ref == null && code != null && LinkCode.isWellFormed(code)) {
                ref = code;
            }
        }

        /** Checkout's {@code discounts: [{coupon, promotion_code}]} (an invoice's, when expanded). */
        void discounts(JsonNode discounts) {
            if (discounts.isArray()) {
                discounts.forEach(this::discount);
            }
        }

        void discount(JsonNode discount) {
            String promotionCode = id(discount.path("promotion_code"));
            if (promotionCode != null && promotionCode.length() <= 128 && !promotionCodes.contains(promotionCode)) {
                promotionCodes.add(promotionCode);
            }
        }
    }

    /** An expandable field: the id string, or the expanded object's {@code id}; null when absent. */
    private static String id(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : node.asText();
        }
        return node.isObject() ? text(node, "id") : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null) {
            throw Invalid.field(path, "is required");
        }
        return value;
    }

    private static long number(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw Invalid.field(path, "must be an integer");
        }
        return value.asLong();
    }
}

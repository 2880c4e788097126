package dev.refer.core.payoutdetails;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;

/** How a partner wants to be paid. */
public enum PayoutMethod {
    BANK_TRANSFER("bank_transfer", "Bank transfer"),
    PAYPAL("paypal", "PayPal");

    private final String wire;
    private final String label;

    PayoutMethod(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** The name on the wire (forms, JSON, CSV). */
    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public static PayoutMethod fromWire(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (PayoutMethod method : values()) {
            if (method.wire.equals(v)) {
                return method;
            }
        }
        throw Invalid.field("method", value == null || value.isBlank() ? "is required"
                : "must be bank_transfer or paypal");
    }
}

package dev.refer.core.payoutdetails;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a partner's money goes: a bank account or a PayPal address. Sensitive: stored only sealed (encrypted with a
 * key of the stack, see {@link DetailsSealer}), shown masked to the partner, in full only in the program manager's
 * payouts CSV.
 */
public sealed interface PayoutDetails {

    PayoutMethod method();

    /** What the partner sees again: nothing a shoulder-surfer or a stolen session could pay itself with. */
    String masked();

    /** The plain text that is sealed: form-encoded fields, one format for both methods. */
    String encode();

    /** @param holder the account holder's name, as the bank knows it (SEPA allows 70 characters) */
    record BankTransfer(String holder, Iban iban, Bic bic) implements PayoutDetails {
        public static final int MAX_HOLDER = 70;

        public BankTransfer {
            Objects.requireNonNull(iban, "iban");
            Objects.requireNonNull(bic, "bic");
            if (holder == null || holder.isBlank()) {
                throw Invalid.field("holder", "is required");
            }
            holder = holder.strip();
            if (holder.length() > MAX_HOLDER) {
                throw Invalid.field("holder", "must be at most " + MAX_HOLDER + " characters");
            }
            if (holder.chars().anyMatch(Character::isISOControl)) {
                throw Invalid.field("holder", "must not contain control characters");
            }
        }

        @Override
        public PayoutMethod method() {
            return PayoutMethod.BANK_TRANSFER;
        }

        @Override
        public String masked() {
            return iban.masked();
        }

        @Override
        public String encode() {
            return "m=" + method().wire() + "&h=" + enc(holder) + "&i=" + enc(iban.value()) + "&b=" + enc(bic.value());
        }
    }

    record PayPal(EmailAddress email) implements PayoutDetails {
        public PayPal {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public PayoutMethod method() {
            return PayoutMethod.PAYPAL;
        }

        /** {@code j***@example.com}: the first character of the local part, the domain. */
        @Override
        public String masked() {
            String value = email.value();
            return value.charAt(0) + "***" + value.substring(value.indexOf('@'));
        }

        @Override
        public String encode() {
            return "m=" + method().wire() + "&e=" + enc(email.value());
        }
    }

    /** Reads what {@link #encode()} wrote. */
    static PayoutDetails decode(String encoded) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return switch (PayoutMethod.fromWire(fields.get("m"))) {
            case BANK_TRANSFER -> new BankTransfer(fields.get("h"), new Iban(fields.get("i")), new Bic(fields.get("b")));
            case PAYPAL -> new PayPal(new EmailAddress(fields.get("e")));
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

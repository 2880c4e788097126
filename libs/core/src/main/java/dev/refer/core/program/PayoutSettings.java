package dev.refer.core.program;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the program pays: the smallest payout per currency (below it the balance carries over to the next month), the
 * locale statements are written in (dates, money), what the statement says about how and when money arrives, and
 * who gets the run's summary.
 *
 * @param minimumMinor  per currency, the smallest total paid out (minor units); a currency not listed has no minimum
 * @param locale        e.g. {@code en-US}, {@code de-DE}: formats dates and amounts in statements
 * @param terms         how and when a payout is paid, in the program's words (shown on every statement)
 * @param managerEmail  where the run's summary goes; null sends none
 */
public record PayoutSettings(Map<Currency, Long> minimumMinor, Locale locale, String terms,
                             EmailAddress managerEmail) {

    public static final String DEFAULT_TERMS = "Payouts are sent by bank transfer within 10 business days.";
    public static final PayoutSettings DEFAULTS = new PayoutSettings(Map.of(), Locale.US, DEFAULT_TERMS, null);

    public PayoutSettings {
        Objects.requireNonNull(locale, "locale");
        minimumMinor = Map.copyOf(minimumMinor);
        minimumMinor.forEach((currency, minimum) -> {
            if (minimum < 0 || minimum > 1_000_000_000_00L) {
                throw Invalid.field("payouts.minimum." + currency.getCurrencyCode(),
                        "must be between 0 and 100000000000");
            }
        });
        if (terms == null || terms.isBlank()) {
            terms = DEFAULT_TERMS;
        }
        if (terms.length() > 1000) {
            throw Invalid.field("payouts.terms", "must be at most 1000 characters");
        }
    }

    /** The minimum for {@code currency}, 0 when none is set. */
    public long minimumFor(Currency currency) {
        return minimumMinor.getOrDefault(currency, 0L);
    }
}

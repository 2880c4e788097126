package dev.refer.core.basics.money;

import dev.refer.core.basics.validation.Invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in integer minor units (cents for EUR, yen for JPY) of an ISO-4217 currency. Never a floating point.
 * Every fractional result is rounded in {@link #roundHalfUp(BigDecimal, BigDecimal)}, the one place rounding happens.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw Invalid.field("currency", "must be an ISO-4217 code in upper case, e.g. EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("currency", "is not an ISO-4217 currency");
        }
    }

    /** {@code bps} basis points of this amount (10,000 bps = 100 %), rounded half-up to the minor unit. */
    public Money percent(int bps) {
        return new Money(roundHalfUp(BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(bps)),
                BigDecimal.valueOf(10_000)), currency);
    }

    /**
     * This amount times numerator / denominator, rounded half-up once, from the exact quotient: the pro-rata share of
     * a partial refund. (Rounding an intermediate result first, as a fixed scale would, is off by one minor unit for
     * large amounts.)
     */
    public Money proRata(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigDecimal product = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(numerator));
        return new Money(roundHalfUp(product, BigDecimal.valueOf(denominator)), currency);
    }

    /**
     * The single rounding rule of the ledger: {@code dividend / divisor} rounded half-up (away from zero on .5) to a
     * whole minor unit, from the exact quotient. A negative amount rounds symmetrically, so a reversal mirrors the
     * entry it reverses.
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    static long roundHalfUp(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, 0, RoundingMode.HALF_UP).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /** Human form for statements and logs, e.g. {@code 12.50 EUR}. */
    @Override
    public String toString() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency.getCurrencyCode();
    }
}

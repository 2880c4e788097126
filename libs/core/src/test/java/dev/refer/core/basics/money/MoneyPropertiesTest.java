package dev.refer.core.basics.money;

import dev.refer.core.ledger.CommissionPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The money functions over the whole range of minor units, against a reference computed with exact integers:
 * {@code round half up (away from zero) of a / b}.
 */
class MoneyPropertiesTest {

    private static final BigInteger TWO = BigInteger.TWO;

    /** a / b rounded half away from zero, exactly. */
    static BigInteger roundHalfUp(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.abs().divideAndRemainder(b);
        BigInteger q = qr[1].multiply(TWO).compareTo(b) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return a.signum() < 0 ? q.negate() : q;
    }

    @Property
    void percent_isTheExactShareRoundedHalfUpOnce(@ForAll long minor, @ForAll @IntRange(max = 10_000) int bps) {
        BigInteger expected = roundHalfUp(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(bps)),
                BigInteger.valueOf(10_000));
        assertEquals(expected.longValueExact(), Money.of(minor, "EUR").percent(bps).minor());
    }

    @Property
    void proRata_isTheExactShareRoundedHalfUpOnce(@ForAll long minor, @ForAll("fractions") long[] fraction) {
        long numerator = fraction[0];
        long denominator = fraction[1];
        BigInteger expected = roundHalfUp(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(numerator)),
                BigInteger.valueOf(denominator));
        assertEquals(expected.longValueExact(), Money.of(minor, "EUR").proRata(numerator, denominator).minor());
    }

    @Provide
    Arbitrary<long[]> fractions() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).flatMap(denominator ->
                Arbitraries.longs().between(0, denominator).map(numerator -> new long[] {numerator, denominator}));
    }

    /** Rounding an intermediate result at ten decimals first made this 2. */
    @Example
    void proRata_aboveTenToTheTenMinorUnits_roundsTheExactQuotient() {
        assertEquals(1, Money.of(30_000_000_001L, "EUR").proRata(1, 20_000_000_001L).minor());
    }

    @Property
    void partialRefunds_reverseExactlyTheCommissionInTotal_andNeverMore(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long commission,
            @ForAll("orderSplits") List<Long> refunds) {
        long order = refunds.stream().mapToLong(Long::longValue).sum();
        Assume.that(order > 0);
        CommissionPolicy policy = new CommissionPolicy();
        Money earned = Money.of(commission, "EUR");
        Money orderAmount = Money.of(order, "EUR");
        Money refunded = Money.zero(earned.currency());
        Money reversed = Money.zero(earned.currency());
        for (long refund : refunds) {
            refunded = refunded.plus(Money.of(refund, "EUR"));
            Money reverse = policy.reversalFor(earned, orderAmount, refunded, reversed);
            assertTrue(reverse.minor() >= 0, "a refund never adds commission back");
            reversed = reversed.plus(reverse);
            assertTrue(reversed.minor() <= commission, "never more than the commission");
        }
        assertEquals(commission, reversed.minor(), "the whole order refunded reverses the whole commission");
    }

    @Provide
    Arbitrary<List<Long>> orderSplits() {
        Arbitrary<Long> part = Arbitraries.oneOf(Arbitraries.longs().between(1, 10_000),
                Arbitraries.longs().between(1, 500_000_000_000_000_000L));
        return part.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property
    void refundsBeyondTheOrder_neverReverseMoreThanTheCommission(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long order,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long commission,
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long refunded) {
        Money reverse = new CommissionPolicy().reversalFor(Money.of(commission, "EUR"), Money.of(order, "EUR"),
                Money.of(refunded, "EUR"), Money.zero(java.util.Currency.getInstance("EUR")));
        assertTrue(reverse.minor() >= 0 && reverse.minor() <= commission);
        if (refunded >= order) {
            assertEquals(commission, reverse.minor());
        }
    }

    @Property
    void plusAndMinus_failInsteadOfOverflowing(@ForAll long a, @ForAll long b) {
        Money x = Money.of(a, "EUR");
        Money y = Money.of(b, "EUR");
        BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        if (sum.bitLength() < 64) {
            assertEquals(sum.longValueExact(), x.plus(y).minor());
        } else {
            org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> x.plus(y));
        }
    }

}

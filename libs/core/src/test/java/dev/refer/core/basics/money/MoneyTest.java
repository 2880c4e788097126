package dev.refer.core.basics.money;

import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void percent_whenExactlyHalfAMinorUnit_roundsHalfUp() {
        // 12.5 % of 0.01 EUR... 20 % of 0.03 = 0.006 -> 0.01; 15 % of 0.10 = 0.015 -> 0.02
        assertEquals(1, Money.of(3, "EUR").percent(2000).minor());
        assertEquals(2, Money.of(10, "EUR").percent(1500).minor());
        assertEquals(1, Money.of(10, "EUR").percent(1499).minor());
    }

    @Test
    void percent_whenNegative_roundsSymmetrically() {
        assertEquals(-2, Money.of(-10, "EUR").percent(1500).minor());
    }

    @Test
    void proRata_whenRefundingAThird_roundsHalfUp() {
        assertEquals(667, Money.of(2000, "EUR").proRata(1, 3).minor());
        assertEquals(333, Money.of(1000, "EUR").proRata(1, 3).minor());
    }

    @Test
    void currency_whenUnknownOrLowerCase_isInvalid() {
        assertThrows(Invalid.class, () -> Money.of(1, "eur"));
        assertThrows(Invalid.class, () -> Money.of(1, "XYZ"));
    }

    @Test
    void minus_whenCurrenciesDiffer_fails() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "EUR").minus(Money.of(1, "USD")));
    }

    @Test
    void toString_usesTheCurrencysMinorDigits() {
        assertEquals("12.50 EUR", Money.of(1250, "EUR").toString());
        assertEquals("1250 JPY", Money.of(1250, "JPY").toString());
    }
}

package dev.refer.portal.partner;

import dev.refer.core.basics.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** How the pages write amounts and dates (the JSON twins carry minor units and ISO-8601 instead). */
public final class Fmt {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private Fmt() {
    }

    /** {@code EUR 1,234.50}; minor units by the currency's own digits. */
    public static String money(Money money) {
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        BigDecimal amount = BigDecimal.valueOf(money.minor(), digits);
        return money.currency().getCurrencyCode() + " " + String.format(java.util.Locale.ROOT, "%,." + digits + "f",
                amount);
    }

    /** Several currencies' amounts, or a dash when there is none. */
    public static String money(List<Money> amounts) {
        return amounts.isEmpty() ? "–" : amounts.stream().map(Fmt::money).collect(Collectors.joining(", "));
    }

    /** The UTC day of an instant (the portal states times in UTC), or a dash. */
    public static String day(Instant instant) {
        return instant == null ? "–" : DAY.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String day(LocalDate date) {
        return date == null ? "–" : DAY.format(date);
    }

    /** An enum constant's name as a word: {@code QUALIFIED_LEAD} → {@code qualified lead}. */
    public static String word(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

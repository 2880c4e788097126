package dev.refer.mail;

import dev.refer.core.money.Money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and amounts as the program's locale writes them (de-DE: "1.234,56 €", en-US: "€1,234.56"). */
public final class MailFormat {

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter month;

    public MailFormat(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    }

    public String money(Money amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(amount.currency());
        int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(amount.minor(), digits));
    }

    public String date(LocalDate value) {
        return date.format(value);
    }

    public String month(YearMonth value) {
        return month.format(value);
    }

    /** A ledger entry's kind in words. */
    public String kind(String kind) {
        return switch (kind) {
            case "SALE" -> "Sale";
            case "RENEWAL" -> "Renewal";
            case "QUALIFIED_LEAD" -> "Qualified lead";
            case "REVERSAL" -> "Refund (reversed)";
            case "VOID" -> "Voided";
            default -> kind;
        };
    }
}

package dev.refer.mail;

import dev.refer.core.basics.money.Money;

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

    /** A text's paragraphs (separated by blank lines), for HTML. */
    public java.util.List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** What a visitor typed into the lead form, as the form said it ({@link FormText}: never a link). */
    public String said(String typed) {
        return FormText.quoted(typed);
    }

    /**
     * A name a public form gave (an application's), as a partner's greeting shows it: defanged and capped like
     * {@link #said}, without the quotation marks.
     */
    public String plain(String typed) {
        return FormText.defanged(typed);
    }

    /** One notification in words; a lead is named by what its form said, quoted and never a link. */
    public String event(dev.refer.core.mail.NotificationLetter.Event e) {
        String about = e.about() == null ? "" : e.about();
        String amount = e.amount() == null ? "" : money(e.amount());
        String detail = e.detail() == null || e.detail().isBlank() ? "" : " (" + e.detail() + ")";
        String lead = "the form said " + said(about);
        return switch (e.what()) {
            case LEAD_NEW -> "New lead: " + lead;
            case LEAD_QUALIFIED -> "Lead qualified: " + lead;
            case LEAD_REJECTED -> "Lead not accepted: " + lead + detail;
            case LEAD_CONVERTED -> "Lead became a customer: " + lead;
            case COMMISSION_EARNED -> "Commission earned: " + amount + (about.isEmpty() ? "" : " for " + about) + detail;
            case PAYOUT_SENT -> "Payout sent: " + amount + " for " + about + detail;
        };
    }
}

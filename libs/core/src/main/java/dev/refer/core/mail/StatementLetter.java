package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A partner's payout statement for a period: every entry the payout took (with its order and the rule that made it),
 * the entries carried over from earlier months (a balance below the minimum, a clawback), the total and how it will
 * be paid.
 */
public record StatementLetter(EmailAddress to, Locale locale, String partnerName, String programName,
                              YearMonth period, String payoutId, List<Line> lines, Money total, String terms)
        implements Letter {

    /**
     * @param carried due before the period and unpaid then (a balance below the minimum, carried over)
     */
    public record Line(LocalDate date, String kind, String orderId, String rule, Money amount, boolean carried) {
    }

    public StatementLetter {
        lines = List.copyOf(lines);
    }

    @Override
    public String kind() {
        return "statement";
    }

    public List<Line> current() {
        return lines.stream().filter(line -> !line.carried()).toList();
    }

    public List<Line> carried() {
        return lines.stream().filter(Line::carried).toList();
    }
}

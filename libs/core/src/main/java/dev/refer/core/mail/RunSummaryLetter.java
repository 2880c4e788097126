package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** The program manager's summary of a period's payout run, once every planned partner was processed. */
public record RunSummaryLetter(EmailAddress to, Locale locale, String programName, YearMonth period, long partners,
                               int payouts, List<Money> totals, String csvPath) implements Letter {

    public RunSummaryLetter {
        totals = List.copyOf(totals);
    }

    @Override
    public String kind() {
        return "run-summary";
    }
}

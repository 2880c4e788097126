package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The program manager's month: the partners checked in, the partners who brought revenue and how much, and the top
 * partners (ties stated; who may be named publicly).
 */
public record CheckinSummaryLetter(EmailAddress to, Locale locale, String programName, YearMonth month,
                                  long partnersCheckedIn, long partnersWithRevenue, Money revenue, List<Top> top)
        implements Letter {

    public record Top(int rank, boolean tied, String name, String email, Money revenue, boolean mayBeNamed) {
    }

    public CheckinSummaryLetter {
        top = List.copyOf(top);
    }

    @Override
    public String kind() {
        return "checkin-summary";
    }
}

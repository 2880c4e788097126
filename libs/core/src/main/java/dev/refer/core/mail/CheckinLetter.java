package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.CommsSettings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A partner's monthly check-in: the month in numbers, the next payout, each link with its clicks, the program
 * manager's note; for a partner who is stuck, guidance for its stage of the funnel; for a top partner, thanks; and
 * the shout-out of the month's top partners who agreed to be named.
 */
public record CheckinLetter(EmailAddress to, Locale locale, String programName, String partnerName, YearMonth month,
                            Variant variant, Numbers numbers, List<LinkLine> links, NextPayout nextPayout,
                            Material material, String note, Thanks thanks, List<String> shoutOut,
                            String unsubscribeUrl) implements Letter {

    /** Which letter a partner gets, by where it stands in the funnel. */
    public enum Variant {
        /** Joined in the last 30 days: the first steps. */
        ONBOARDING,
        /** No clicks in 30 days: how to share, with its links. */
        NO_CLICKS,
        /** Clicks but no leads: who the ideal customer is, the value proposition. */
        NO_LEADS,
        /** Leads, none qualified: what makes a lead qualify. */
        NO_QUALIFIED,
        /** Most of the month's decided leads rejected (at least 3): poor-fit referrals, who fits best. */
        POOR_FIT,
        /** Doing fine: the month in numbers. */
        SUMMARY
    }

    /**
     * @param earned   commissions earned in the month (net of reversals)
     * @param awaiting approved or pending, not yet paid (all time)
     * @param paid     paid out (all time)
     */
    public record Numbers(long clicks, long leads, long leadsQualified, long leadsRejected, long leadsConverted,
                          long sales, Money revenue, Money earned, Money awaiting, Money paid) {
    }

    /**
     * What the program manager wrote that guidance draws on (the letter's share of comms' settings).
     *
     * @param resources links partners can use: a deck, a video, a training
     */
    public record Material(String idealCustomer, String valueProposition, List<String> differentiators,
                           List<String> onboardingSteps, List<Resource> resources) {

        public Material {
            differentiators = List.copyOf(differentiators);
            onboardingSteps = List.copyOf(onboardingSteps);
            resources = List.copyOf(resources);
        }
    }

    public record Resource(String title, String url) {
    }

    public record LinkLine(String code, String url, long clicks) {
    }

    /**
     * The next payout run: the amount due by then and the date, or, below the minimum, what is missing.
     *
     * @param missing zero when the amount reaches the minimum
     */
    public record NextPayout(LocalDate date, Money amount, Money minimum, Money missing) {
        public boolean reachesMinimum() {
            return !missing.isPositive();
        }
    }

    /** A top partner's place: {@code tiedWith} other partners share it (0: alone). */
    public record Thanks(int rank, int tiedWith) {
    }

    public CheckinLetter {
        links = List.copyOf(links);
        shoutOut = List.copyOf(shoutOut);
    }

    @Override
    public String kind() {
        return "checkin";
    }
}

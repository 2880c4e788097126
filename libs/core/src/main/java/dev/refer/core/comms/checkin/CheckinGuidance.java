package dev.refer.core.comms.checkin;

import dev.refer.core.mail.CheckinLetter.Variant;
import dev.refer.core.mail.CheckinLetter;
import dev.refer.core.partner.Partner;

import java.time.Duration;
import java.time.Instant;

/**
 * Which check-in a partner gets: where it stands in the funnel decides, and the first stage where it is stuck wins
 * (a new partner first learns the first steps; one with clicks but no leads hears who the ideal customer is; ...),
 * so the guidance answers the question the partner is actually stuck on. A partner doing fine gets the month in
 * numbers. Its own class so the rule is read, tested and tuned apart from the letter's assembly.
 *
 * @param newPartner      a partner this recent (at the end of the month) gets the onboarding letter
 * @param poorFitRejected rejected leads in a month from which their share counts as a pattern, not bad luck
 */
public record CheckinGuidance(Duration newPartner, int poorFitRejected) {

    /** The program's rule: 30 days of onboarding; three rejections make a pattern. */
    public static final CheckinGuidance DEFAULT = new CheckinGuidance(Duration.ofDays(30), 3);

    /** The letter for {@code partner}, whose month ended at {@code monthEnd} with these numbers. */
    public Variant variant(Partner partner, Instant monthEnd, CheckinLetter.Numbers numbers) {
        if (partner.createdAt().isAfter(monthEnd.minus(newPartner))) {
            return Variant.ONBOARDING;
        }
        if (numbers.clicks() == 0 && numbers.leads() == 0 && numbers.sales() == 0) {
            return Variant.NO_CLICKS;
        }
        if (numbers.leads() == 0 && numbers.sales() == 0) {
            return Variant.NO_LEADS;
        }
        if (numbers.leadsQualified() == 0 && numbers.leadsConverted() == 0 && numbers.sales() == 0) {
            return Variant.NO_QUALIFIED;
        }
        if (numbers.leadsRejected() >= poorFitRejected
                && numbers.leadsRejected() > numbers.leadsQualified() + numbers.leadsConverted()) {
            return Variant.POOR_FIT; // most of the leads decided were not a fit: who fits best
        }
        return Variant.SUMMARY;
    }
}

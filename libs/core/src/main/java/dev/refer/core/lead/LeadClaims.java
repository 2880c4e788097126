package dev.refer.core.lead;

import dev.refer.core.attribution.Attribution;

import java.time.Duration;
import java.time.Instant;

/**
 * When a later submission of the lead form takes a lead over: the evidence order of attribution, applied to leads.
 * A lead is one per email address, so whoever holds it decides who a sale matched by that email goes to; arrival
 * order must not decide that, or a partner who posts scraped emails with its public code would hold off the partner
 * whose link the prospect really clicked.
 *
 * <ul>
 *   <li>evidence ranks an <b>approved deal registration</b> of the email's domain over <b>click</b> (a click id within the window) over <b>code</b> (a bare link code, which anyone
 *       can post) over <b>none</b> (organic);</li>
 *   <li>a submission takes the lead over only with <b>strictly stronger</b> evidence than the lead's current claim:
 *       between two claims of one rank the earlier keeps it (a click does not displace an earlier click, a code never
 *       displaces anything but an organic lead), so re-posting cannot move a lead back and forth;</li>
 *   <li>a claim older than the attribution window is no longer evidence (a sale would not count it either): any
 *       evidence displaces it;</li>
 *   <li>only a NEW lead can be taken over: a reviewed lead (qualified, rejected, converted) is final.</li>
 * </ul>
 * A takeover by the partner who already holds the lead with a weaker claim (its code, then its click) upgrades the
 * claim; the lead stays that partner's.
 */
public final class LeadClaims {

    private LeadClaims() {
    }

    /** Whether a submission carrying {@code challenger} at {@code at} takes {@code lead} over. */
    public static boolean displaces(Lead lead, Attribution challenger, Instant at, Duration window) {
        if (lead.status() != LeadStatus.NEW || challenger == null) {
            return false;
        }
        boolean lapsed = lead.attributedAt().plus(window).isBefore(at);
        int held = lapsed ? 0 : strength(lead.attribution());
        return strength(challenger) > held;
    }

    /** none 0, code 1, click 2, an approved deal registration 3 (the manager's decision beats anonymous evidence). */
    static int strength(Attribution attribution) {
        if (attribution == null) {
            return 0;
        }
        if (attribution.path() == Attribution.Path.DEAL) {
            return 3;
        }
        return attribution.clickId() != null ? 2 : 1;
    }
}

package dev.refer.core.stats;

import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.Order;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How stored facts move a partner's counters: a pure function of an item's state before and after a change, as the
 * table's stream delivers them. Counters are therefore never written by the business writes themselves (a popular
 * partner's concurrent leads and sales do not contend for its counter items) and move exactly when, and as often
 * as, the fact they count is stored. Each counter is dated by the fact's own time (a lead's capture, a sale's or
 * refund's event time, a commission's earning time), in the months of the program's calendar (PayoutTimeZone: the
 * months check-ins, reports and payouts speak of).
 *
 * <ul>
 *   <li>a lead: {@code leads} when stored, {@code leadsQualified}/{@code leadsRejected}/{@code leadsConverted} as
 *       its status moves, and the status distribution {@code leadStatus.*}; a lead taken over by stronger evidence
 *       moves from the partner who held it (dated by that claim) to the new one (dated by the takeover);</li>
 *   <li>an order: {@code sales} or {@code renewals} when sold, {@code refunds} per refund, and the net
 *       {@code revenue.*} (a sale whose refunds came first counts them in the sale's month); a sale whose customer
 *       an earlier purchase re-bound moves from the former partner to the new one, in the sale's month;</li>
 *   <li>a ledger entry: {@code commissionEarned.*} when stored (reversals are negative), and the distribution of
 *       amounts by status {@code commissionStatus.*.*}.</li>
 * </ul>
 * Organic facts (no partner) move nothing.
 */
public final class StatsProjection {

    private StatsProjection() {
    }

    public static List<StatsDelta> lead(Lead before, Lead after, ZoneId zone) {
        PartnerId held = before == null || before.attribution() == null ? null : before.attribution().partnerId();
        PartnerId holds = after.attribution() == null ? null : after.attribution().partnerId();
        if (before != null && !Objects.equals(held, holds)) {
            List<StatsDelta> moved = new ArrayList<>();
            if (held != null) {
                moved.add(StatsDelta.forPartner(held, before.attributedAt(), zone)
                        .event(Counters.LEADS, -1)
                        .status(Counters.leadStatus(before.status()), -1)
                        .build());
            }
            if (holds != null) {
                moved.add(StatsDelta.forPartner(holds, after.attributedAt(), zone)
                        .event(Counters.LEADS, 1)
                        .status(Counters.leadStatus(after.status()), 1)
                        .build());
            }
            return moved;
        }
        if (after.attribution() == null) {
            return List.of();
        }
        var partner = after.attribution().partnerId();
        if (before == null) {
            return List.of(StatsDelta.forPartner(partner, after.createdAt(), zone)
                    .event(Counters.LEADS, 1)
                    .status(Counters.leadStatus(after.status()), 1)
                    .build());
        }
        if (before.status() == after.status()) {
            return List.of();
        }
        StatsDelta.Builder delta = StatsDelta.forPartner(partner, after.updatedAt(), zone)
                .status(Counters.leadStatus(before.status()), -1)
                .status(Counters.leadStatus(after.status()), 1);
        String event = eventOf(after.status());
        if (event != null) {
            delta.event(event, 1);
        }
        return List.of(delta.build());
    }

    private static String eventOf(LeadStatus status) {
        return switch (status) {
            case QUALIFIED -> Counters.LEADS_QUALIFIED;
            case REJECTED -> Counters.LEADS_REJECTED;
            case CONVERTED -> Counters.LEADS_CONVERTED;
            case NEW -> null;
        };
    }

    public static List<StatsDelta> order(Order before, Order after, ZoneId zone) {
        if (before != null && before.sold() && after.sold()
                && !Objects.equals(before.partnerId(), after.partnerId())) {
            // its customer was re-bound by an earlier purchase: the sale moves, in its own month, to the new partner
            List<StatsDelta> moved = new ArrayList<>();
            if (before.partnerId() != null) {
                moved.add(sold(StatsDelta.forPartner(before.partnerId(), after.changedAt(), zone), before, -1).build());
            }
            if (after.partnerId() != null) {
                moved.add(sold(StatsDelta.forPartner(after.partnerId(), after.changedAt(), zone), after, 1).build());
            }
            return moved;
        }
        if (after.partnerId() == null || !after.sold()) {
            return List.of();
        }
        boolean becameSold = before == null || !before.sold();
        StatsDelta.Builder delta = StatsDelta.forPartner(after.partnerId(), after.changedAt(), zone);
        if (becameSold) {
            return List.of(sold(delta, after, 1).build());
        }
        int refunds = after.refundCount() - before.refundCount();
        if (refunds <= 0) {
            return List.of();
        }
        return List.of(delta.event(Counters.REFUNDS, refunds)
                .event(Counters.revenue(after.currency()), before.refunded().minor() - after.refunded().minor())
                .build());
    }

    /** A sold order's sale, net revenue and refunds, counted ({@code sign} 1) or taken out (-1). */
    private static StatsDelta.Builder sold(StatsDelta.Builder delta, Order order, int sign) {
        delta.event(order.kind() == ConversionKind.RENEWAL ? Counters.RENEWALS : Counters.SALES, sign)
                .event(Counters.revenue(order.currency()),
                        sign * (order.amount().minor() - order.refunded().minor()));
        if (order.refundCount() > 0) {
            delta.event(Counters.REFUNDS, (long) sign * order.refundCount());
        }
        return delta;
    }

    public static List<StatsDelta> commission(Commission before, Commission after, ZoneId zone) {
        var currency = after.amount().currency();
        long amount = after.amount().minor();
        if (before == null) {
            return List.of(StatsDelta.forPartner(after.partnerId(), after.earnedAt(), zone)
                    .event(Counters.commissionEarned(currency), amount)
                    .status(Counters.commissionStatus(after.status(), currency), amount)
                    .build());
        }
        if (before.status() == after.status()) {
            return List.of();
        }
        return List.of(StatsDelta.forPartner(after.partnerId(), after.earnedAt(), zone)
                .status(Counters.commissionStatus(before.status(), currency), -amount)
                .status(Counters.commissionStatus(after.status(), currency), amount)
                .build());
    }
}

package dev.refer.core.ledger;

import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.Reward;

import java.time.Instant;
import java.util.Optional;

/**
 * The one place that decides what an event earns. It resolves the partner's plan (the partner's own agreement, else
 * the program's default; tiers and lifetime-revenue steps slot in here, through this object's collaborators), picks
 * the plan's reward for the event and dates the entry with the holding period, counted from the event's own time.
 * Amounts round half-up, in {@link Money}.
 */
public final class CommissionPolicy {

    /** What an event earns: the amount, and the rule in words for the partner's statement. */
    public record Earning(CommissionKind kind, Money amount, String rule, Instant payableOn) {
    }

    public CommissionPlan planFor(Program program, Partner partner) {
        return partner.plan().orElse(program.defaultPlan());
    }

    /**
     * The commission of a sale or renewal ({@code kind}) of {@code amount} that happened at {@code occurredAt}; empty
     * when the plan pays nothing for it.
     */
    public Optional<Earning> forSale(Program program, Partner partner, CommissionKind kind, Money amount,
                                     Instant occurredAt) {
        CommissionPlan plan = planFor(program, partner);
        Reward reward = switch (kind) {
            case SALE -> plan.sale();
            case RENEWAL -> plan.renewalReward();
            default -> throw new IllegalArgumentException(kind + " is not earned by a sale");
        };
        Money earned = reward.on(amount);
        if (!earned.isPositive()) {
            return Optional.empty();
        }
        String rule = kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + amount + ": " + reward.describe();
        return Optional.of(new Earning(kind, earned, rule, payableOn(program, occurredAt)));
    }

    /** The plan's reward for a qualified lead, if it has one. */
    public Optional<Earning> forQualifiedLead(Program program, Partner partner, Instant qualifiedAt) {
        return planFor(program, partner).qualifiedLeadReward()
                .map(reward -> new Earning(CommissionKind.QUALIFIED_LEAD, reward, "qualified lead: flat " + reward,
                        payableOn(program, qualifiedAt)));
    }

    /**
     * What a refund takes back of an order's commission: the commission times the cumulative refunded share of the
     * order (never more than all of it), less what was taken back before. Computing on the cumulative share keeps
     * partial refunds from drifting by a rounding unit: they add up to exactly the commission.
     */
    public Money reversalFor(Money commission, Money orderAmount, Money refundedSoFar, Money reversedBefore) {
        long share = Math.min(refundedSoFar.minor(), orderAmount.minor());
        return commission.proRata(share, orderAmount.minor()).minus(reversedBefore);
    }

    /**
     * When a reversal becomes payable: with the entry it reverses if that is still held (so the two net in the same
     * payout), else at once (a clawback against the next payout).
     */
    public Instant reversalPayableOn(Instant reversedPayableOn, Instant refundedAt) {
        return reversedPayableOn.isAfter(refundedAt) ? reversedPayableOn : refundedAt;
    }

    /**
     * When taking back (part of) {@code reversed}, as it stands now, becomes payable: at once when it was paid already
     * (a clawback against the next payout) or is due already (approved early, or its holding period is over), else
     * with it, so the two net in the same payout. Not its original end of holding: an early approval moved that.
     */
    public Instant reversalPayableOn(Commission reversed, Instant at) {
        return reversed.paid() ? at : reversalPayableOn(reversed.dueAt(), at);
    }

    /** Holding period: the entry may be paid once refunds had their chance. */
    public Instant payableOn(Program program, Instant earnedAt) {
        return earnedAt.plus(program.holdingPeriod());
    }
}

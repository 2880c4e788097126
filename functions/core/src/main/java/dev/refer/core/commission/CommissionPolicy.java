package dev.refer.core.commission;

import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.money.Money;
import dev.refer.core.partner.Partner;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.Reward;

import java.time.Instant;
import java.util.Optional;

/**
 * The one place that decides what an event earns. It resolves the partner's plan (the partner's own agreement, else
 * the program's default; tiers and lifetime-revenue steps slot in here), picks the plan's reward for the event and
 * dates the entry with the holding period. Amounts round half-up, in {@link Money}.
 */
public final class CommissionPolicy {

    /** What an event earns: the amount, and the rule in words for the partner's statement. */
    public record Earning(CommissionKind kind, Money amount, String rule, Instant payableOn) {
    }

    private CommissionPolicy() {
    }

    public static CommissionPlan planFor(Program program, Partner partner) {
        return partner.plan().orElse(program.defaultPlan());
    }

    /** The commission of a sale or renewal of {@code amount}; empty when the plan pays nothing for it. */
    public static Optional<Earning> forConversion(Program program, Partner partner, ConversionKind kind, Money amount,
                                                  Instant earnedAt) {
        CommissionPlan plan = planFor(program, partner);
        Reward reward = switch (kind) {
            case SALE -> plan.sale();
            case RENEWAL -> plan.renewalReward();
            case REFUND -> throw new IllegalArgumentException("a refund reverses, it does not earn");
        };
        Money earned = reward.on(amount);
        if (!earned.isPositive()) {
            return Optional.empty();
        }
        CommissionKind entryKind = kind == ConversionKind.SALE ? CommissionKind.SALE : CommissionKind.RENEWAL;
        String rule = kind.wireName() + " of " + amount + ": " + reward.describe();
        return Optional.of(new Earning(entryKind, earned, rule, payableOn(program, earnedAt)));
    }

    /** The plan's reward for a qualified lead, if it has one. */
    public static Optional<Earning> forQualifiedLead(Program program, Partner partner, Instant earnedAt) {
        return planFor(program, partner).qualifiedLeadReward()
                .map(reward -> new Earning(CommissionKind.QUALIFIED_LEAD, reward, "qualified lead: flat " + reward,
                        payableOn(program, earnedAt)));
    }

    /**
     * The reversal a refund causes: the commission times the cumulative refunded share of the order, less what was
     * reversed before. Computing on the cumulative share keeps partial refunds from drifting by a rounding cent.
     */
    public static Money reversalFor(Money commission, Money orderAmount, Money refundedBefore, Money refundNow,
                                    Money reversedBefore) {
        long cumulativeRefund = refundedBefore.minor() + refundNow.minor();
        Money shouldBeReversed = commission.proRata(cumulativeRefund, orderAmount.minor());
        return shouldBeReversed.minus(reversedBefore);
    }

    /** Holding period: the entry may be paid once refunds had their chance. */
    public static Instant payableOn(Program program, Instant earnedAt) {
        return earnedAt.plus(program.holdingPeriod());
    }
}

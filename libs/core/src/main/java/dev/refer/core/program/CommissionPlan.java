package dev.refer.core.program;

import dev.refer.core.basics.money.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * A partner's agreement, first version: a reward per sale, an optional reward per renewal (the sale reward when
 * absent) and an optional flat reward when a referred lead is qualified (long B2B cycles pay a little early and
 * more on the sale). Tiers, lifetime thresholds and bonuses extend this record; {@link CommissionPolicy} is the one
 * place that turns a plan and an event into an amount.
 */
public record CommissionPlan(Reward sale, Reward renewal, Money leadReward) {

    public CommissionPlan {
        Objects.requireNonNull(sale, "sale");
    }

    public Reward renewalReward() {
        return renewal == null ? sale : renewal;
    }

    public Optional<Money> qualifiedLeadReward() {
        return Optional.ofNullable(leadReward).filter(Money::isPositive);
    }
}

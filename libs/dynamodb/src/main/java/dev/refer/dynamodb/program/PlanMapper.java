package dev.refer.dynamodb.program;

import dev.refer.core.basics.money.Money;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * A commission plan as a map attribute: {@code {sale: REWARD, renewal?: REWARD, leadReward?: {minor, currency}}}
 * where a REWARD is {@code {kind: PERCENT, bps}} or {@code {kind: FLAT, minor, currency}}.
 */
public final class PlanMapper {

    private static final String PERCENT = "PERCENT";
    private static final String FLAT = "FLAT";

    private PlanMapper() {
    }

    public static Map<String, AttributeValue> toMap(CommissionPlan plan) {
        if (plan == null) {
            return null;
        }
        return ItemBuilder.map()
                .map("sale", reward(plan.sale()))
                .map("renewal", plan.renewal() == null ? null : reward(plan.renewal()))
                .map("leadReward", plan.leadReward() == null ? null
                        : ItemBuilder.map().money("minor", "currency", plan.leadReward()).build())
                .build();
    }

    public static CommissionPlan fromMap(Map<String, AttributeValue> map) {
        if (map == null) {
            return null;
        }
        Map<String, AttributeValue> renewal = Attributes.optionalMap(map, "renewal");
        Map<String, AttributeValue> leadReward = Attributes.optionalMap(map, "leadReward");
        return new CommissionPlan(reward(Attributes.optionalMap(map, "sale")),
                renewal == null ? null : reward(renewal),
                leadReward == null ? null : Attributes.money(leadReward, "minor", "currency"));
    }

    private static Map<String, AttributeValue> reward(Reward reward) {
        return switch (reward) {
            case Reward.Percent percent -> ItemBuilder.map().s("kind", PERCENT).n("bps", percent.bps()).build();
            case Reward.Flat flat -> ItemBuilder.map().s("kind", FLAT).money("minor", "currency", flat.amount())
                    .build();
        };
    }

    private static Reward reward(Map<String, AttributeValue> map) {
        if (map == null) {
            throw new IllegalStateException("stored commission plan has no sale reward");
        }
        String kind = Attributes.string(map, "kind");
        return switch (kind) {
            case PERCENT -> new Reward.Percent(Attributes.integer(map, "bps"));
            case FLAT -> new Reward.Flat(Money.of(Attributes.number(map, "minor"), Attributes.string(map, "currency")));
            default -> throw new IllegalStateException("stored reward has unknown kind " + kind);
        };
    }
}

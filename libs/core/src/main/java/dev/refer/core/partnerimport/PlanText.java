package dev.refer.core.partnerimport;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A partner's own plan written in one CSV cell, with the admin API's plan fields as {@code key=value} pairs separated
 * by {@code ;}: {@code saleRateBps=2000;renewalRateBps=1000;leadRewardMinor=5000}. The program keeps no catalogue of
 * named plans (a partner's plan is the program's default or its own override), so a cell either says "the default"
 * (blank, or {@code default}) or writes the override out; flat amounts are minor units of the program's currency.
 */
public final class PlanText {

    /** The words a cell uses for "no plan of its own". */
    public static final String DEFAULT = "default";

    private static final Set<String> KEYS = Set.of("saleRateBps", "saleFlatMinor", "renewalRateBps",
            "renewalFlatMinor", "leadRewardMinor");

    private PlanText() {
    }

    /** The override the cell writes; null for the program's default plan. */
    public static CommissionPlan parse(String text, Currency currency) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(DEFAULT)) {
            return null;
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : text.split(";", -1)) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair.strip() : pair.substring(0, equals).strip();
            if (equals < 0 || !KEYS.contains(key)) {
                throw Invalid.field("plan", "must be blank, \"default\" or key=value pairs separated by ';' with keys "
                        + "saleRateBps, saleFlatMinor, renewalRateBps, renewalFlatMinor, leadRewardMinor");
            }
            if (values.containsKey(key)) {
                throw Invalid.field("plan", key + " is given twice");
            }
            String number = pair.substring(equals + 1).strip();
            if (!number.matches("[0-9]{1,12}")) {
                throw Invalid.field("plan", key + " must be a whole number, not negative");
            }
            values.put(key, Long.parseLong(number));
        }
        Reward sale = reward(values.get("saleRateBps"), values.get("saleFlatMinor"), "sale", currency);
        if (sale == null) {
            throw Invalid.field("plan", "needs saleRateBps (basis points) or saleFlatMinor");
        }
        Reward renewal = reward(values.get("renewalRateBps"), values.get("renewalFlatMinor"), "renewal", currency);
        Long lead = values.get("leadRewardMinor");
        return new CommissionPlan(sale, renewal, lead == null ? null : new Money(lead, currency));
    }

    private static Reward reward(Long bps, Long flat, String name, Currency currency) {
        if (bps != null && flat != null) {
            throw Invalid.field("plan", "give " + name + "RateBps or " + name + "FlatMinor, not both");
        }
        if (bps != null) {
            if (bps > 10_000) {
                throw Invalid.field("plan", name + "RateBps must be between 0 and 10000");
            }
            return new Reward.Percent(bps.intValue());
        }
        return flat == null ? null : new Reward.Flat(new Money(flat, currency));
    }
}

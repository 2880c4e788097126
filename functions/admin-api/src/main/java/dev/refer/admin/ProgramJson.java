package dev.refer.admin;

import dev.refer.core.money.Money;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.core.validation.Invalid;
import dev.refer.core.validation.Rules;
import dev.refer.http.JsonBody;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program and plan on the wire. A plan: {@code {"saleRateBps":2000}} or {@code {"saleFlatMinor":5000}}, optional
 * {@code renewalRateBps} / {@code renewalFlatMinor}, optional {@code leadRewardMinor}; flat amounts are in the
 * program's currency.
 */
final class ProgramJson {

    private ProgramJson() {
    }

    static Program parse(Map<String, Object> json, ProgramId id) {
        Rules rules = Rules.check();
        String currencyCode = JsonBody.string(json, "currency");
        Currency currency = rules.value("currency", () -> Money.currency(currencyCode));
        Long window = JsonBody.integer(json, "attributionWindowDays");
        Long holding = JsonBody.integer(json, "holdingPeriodDays");
        rules.require(window != null, "attributionWindowDays", "is required");
        rules.require(holding != null, "holdingPeriodDays", "is required");
        Object plan = json.get("plan");
        rules.require(plan instanceof Map, "plan", "is required: an object such as {\"saleRateBps\": 2000}");
        List<String> hosts = rules.value("allowedDestinationHosts", () -> strings(json, "allowedDestinationHosts"));
        List<String> origins = rules.value("allowedFormOrigins", () -> strings(json, "allowedFormOrigins"));
        rules.orThrow();
        @SuppressWarnings("unchecked")
        CommissionPlan commissionPlan = plan((Map<String, Object>) plan, currency, "plan.");
        return new Program(id, currency, window.intValue(), holding.intValue(), commissionPlan, hosts, origins);
    }

    static CommissionPlan plan(Map<String, Object> json, Currency currency, String prefix) {
        Rules rules = Rules.check();
        Reward sale = rules.value(prefix + "sale", () -> reward(json, "sale", currency, true));
        Reward renewal = rules.value(prefix + "renewal", () -> reward(json, "renewal", currency, false));
        Long lead = JsonBody.integer(json, "leadRewardMinor");
        rules.require(lead == null || lead >= 0, prefix + "leadRewardMinor", "must not be negative");
        rules.orThrow();
        return new CommissionPlan(sale, renewal, lead == null ? null : new Money(lead, currency));
    }

    private static Reward reward(Map<String, Object> json, String name, Currency currency, boolean required) {
        Long bps = JsonBody.integer(json, name + "RateBps");
        Long flat = JsonBody.integer(json, name + "FlatMinor");
        if (bps != null && flat != null) {
            throw Invalid.field(name, "give " + name + "RateBps or " + name + "FlatMinor, not both");
        }
        if (bps != null) {
            if (bps < 0 || bps > 10_000) {
                throw Invalid.field(name, name + "RateBps must be between 0 and 10000");
            }
            return new Reward.Percent(bps.intValue());
        }
        if (flat != null) {
            if (flat < 0) {
                throw Invalid.field(name, name + "FlatMinor must not be negative");
            }
            return new Reward.Flat(new Money(flat, currency));
        }
        if (required) {
            throw Invalid.field(name, "needs " + name + "RateBps (basis points) or " + name + "FlatMinor");
        }
        return null;
    }

    private static List<String> strings(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > 100 || !list.stream().allMatch(String.class::isInstance)) {
            throw Invalid.field(field, "must be a list of at most 100 strings");
        }
        List<String> strings = new ArrayList<>();
        list.forEach(v -> strings.add((String) v));
        return strings;
    }

    static Map<String, Object> write(Program program) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", program.id().value());
        json.put("currency", program.currency().getCurrencyCode());
        json.put("attributionWindowDays", program.attributionWindowDays());
        json.put("holdingPeriodDays", program.holdingPeriodDays());
        json.put("plan", write(program.defaultPlan()));
        json.put("allowedDestinationHosts", program.allowedDestinationHosts());
        json.put("allowedFormOrigins", program.allowedFormOrigins());
        return json;
    }

    static Map<String, Object> write(CommissionPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        writeReward(json, "sale", plan.sale());
        if (plan.renewal() != null) {
            writeReward(json, "renewal", plan.renewal());
        }
        plan.qualifiedLeadReward().ifPresent(m -> json.put("leadRewardMinor", m.minor()));
        return json;
    }

    private static void writeReward(Map<String, Object> json, String name, Reward reward) {
        switch (reward) {
            case Reward.Percent percent -> json.put(name + "RateBps", percent.bps());
            case Reward.Flat flat -> json.put(name + "FlatMinor", flat.amount().minor());
        }
    }
}

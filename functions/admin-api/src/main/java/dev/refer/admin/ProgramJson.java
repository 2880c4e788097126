package dev.refer.admin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import java.util.Locale;

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

    static Program parse(AdminBodies.ProgramBody body, ProgramId id) {
        Rules rules = Rules.check();
        Currency currency = rules.value("currency", () -> Money.currency(body.currency()));
        rules.require(body.attributionWindowDays() != null, "attributionWindowDays", "is required");
        rules.require(body.holdingPeriodDays() != null, "holdingPeriodDays", "is required");
        rules.require(body.plan() != null, "plan", "is required: an object such as {\"saleRateBps\": 2000}");
        List<String> hosts = rules.value("allowedDestinationHosts", () -> strings(body.allowedDestinationHosts(),
                "allowedDestinationHosts"));
        List<String> origins = rules.value("allowedFormOrigins", () -> strings(body.allowedFormOrigins(),
                "allowedFormOrigins"));
        rules.orThrow();
        CommissionPlan commissionPlan = plan(body.plan(), currency, "plan.");
        return new Program(id, currency, days(body.attributionWindowDays(), "attributionWindowDays", 1),
                days(body.holdingPeriodDays(), "holdingPeriodDays", 0), commissionPlan, hosts, origins,
                body.maxEventAgeDays() == null ? Program.DEFAULT_MAX_EVENT_AGE_DAYS
                        : days(body.maxEventAgeDays(), "maxEventAgeDays", 1), payouts(body.payouts()),
                body.maxLinksPerPartner() == null ? Program.DEFAULT_MAX_LINKS_PER_PARTNER
                        : linkLimit(body.maxLinksPerPartner()));
    }

    /** Checked here as a long, so a huge number is the same 400 as one just past the limit (never an overflow). */
    private static int linkLimit(long value) {
        if (value < 1 || value > Program.MAX_LINKS_PER_PARTNER) {
            throw Invalid.field("maxLinksPerPartner", "must be between 1 and " + Program.MAX_LINKS_PER_PARTNER);
        }
        return (int) value;
    }

    static PayoutSettings payouts(AdminBodies.PayoutsBody body) {
        if (body == null) {
            return PayoutSettings.DEFAULTS;
        }
        Rules rules = Rules.check();
        Map<Currency, Long> minimum = new LinkedHashMap<>();
        if (body.minimum() != null) {
            body.minimum().forEach((code, minor) -> {
                Currency currency = rules.value("payouts.minimum." + code, () -> Money.currency(code));
                rules.require(minor != null && minor >= 0, "payouts.minimum." + code,
                        "must be a non-negative amount in minor units");
                if (currency != null && minor != null) {
                    minimum.put(currency, minor);
                }
            });
        }
        Locale locale = body.locale() == null ? Locale.US : rules.value("payouts.locale", () -> locale(body.locale()));
        EmailAddress manager = body.managerEmail() == null ? null
                : rules.value("payouts.managerEmail", () -> new EmailAddress(body.managerEmail()));
        rules.orThrow();
        return new PayoutSettings(minimum, locale, body.terms(), manager);
    }

    private static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (tag.isBlank() || tag.length() > 35 || locale.getLanguage().isEmpty()
                || !java.util.Arrays.asList(Locale.getAvailableLocales()).contains(locale)) {
            throw Invalid.field("payouts.locale", "must be a language tag such as en-US or de-DE");
        }
        return locale;
    }

    /** A number of days, range-checked as the long it arrived as (never narrowed first). */
    private static int days(long value, String field, int min) {
        if (value < min || value > 365) {
            throw Invalid.field(field, "must be between " + min + " and 365");
        }
        return (int) value;
    }

    static CommissionPlan plan(AdminBodies.PlanBody body, Currency currency, String prefix) {
        Rules rules = Rules.check();
        Reward sale = rules.value(prefix + "sale", () -> reward(body.saleRateBps(), body.saleFlatMinor(), "sale",
                currency, true));
        Reward renewal = rules.value(prefix + "renewal", () -> reward(body.renewalRateBps(), body.renewalFlatMinor(),
                "renewal", currency, false));
        Long lead = body.leadRewardMinor();
        rules.require(lead == null || lead >= 0, prefix + "leadRewardMinor", "must not be negative");
        rules.orThrow();
        return new CommissionPlan(sale, renewal, lead == null ? null : new Money(lead, currency));
    }

    private static Reward reward(Long bps, Long flat, String name, Currency currency, boolean required) {
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

    private static List<String> strings(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 100 || values.stream().anyMatch(v -> v == null)) {
            throw Invalid.field(field, "must be a list of at most 100 strings");
        }
        return List.copyOf(values);
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
        json.put("maxEventAgeDays", program.maxEventAgeDays());
        json.put("maxLinksPerPartner", program.maxLinksPerPartner());
        Map<String, Object> payouts = new LinkedHashMap<>();
        Map<String, Long> minimum = new java.util.TreeMap<>();
        program.payouts().minimumMinor().forEach((currency, minor) -> minimum.put(currency.getCurrencyCode(), minor));
        payouts.put("minimum", minimum);
        payouts.put("locale", program.payouts().locale().toLanguageTag());
        payouts.put("terms", program.payouts().terms());
        payouts.put("managerEmail", program.payouts().managerEmail() == null ? null
                : program.payouts().managerEmail().value());
        json.put("payouts", payouts);
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

package dev.refer.admin;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.lead.Lead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.link.Link;
import dev.refer.core.partner.Partner;
import dev.refer.core.stats.PartnerStats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** How the admin API shows domain objects. Money is {"minor": 1234, "currency": "EUR"}; times are ISO-8601 UTC. */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> partner(Partner p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().value());
        json.put("name", p.name());
        json.put("email", p.email().value());
        json.put("company", p.company());
        json.put("status", p.status().name());
        json.put("plan", p.plan().map(ProgramJson::write).orElse(null));
        json.put("createdAt", p.createdAt().toString());
        return json;
    }

    static Map<String, Object> link(Link l, String shortUrlBase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", l.code().value());
        json.put("url", shortUrlBase == null ? null : shortUrlBase + l.code().value());
        json.put("partnerId", l.partnerId().value());
        json.put("destination", l.destination().toString());
        json.put("campaign", l.campaign());
        json.put("enabled", l.enabled());
        json.put("redirects", l.redirects());
        json.put("createdAt", l.createdAt().toString());
        return json;
    }

    static Map<String, Object> lead(Lead l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", l.id().value());
        json.put("email", l.email().value());
        json.put("name", l.name());
        json.put("company", l.company());
        json.put("phone", l.phone());
        json.put("message", l.message());
        json.put("status", l.status().name());
        json.put("statusReason", l.statusReason());
        json.put("attribution", attribution(l.attribution()));
        json.put("claims", l.history().stream().map(claim -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("attribution", attribution(claim.attribution()));
            c.put("at", claim.at().toString());
            return c;
        }).toList());
        json.put("createdAt", l.createdAt().toString());
        json.put("updatedAt", l.updatedAt().toString());
        return json;
    }

    static Map<String, Object> conversion(Conversion c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().value());
        json.put("eventId", c.eventId());
        json.put("type", c.kind().wireName());
        json.put("orderId", c.orderId());
        json.put("amount", money(c.amount()));
        json.put("customerExternalId", c.customerExternalId());
        json.put("occurredAt", c.occurredAt().toString());
        json.put("recordedAt", c.recordedAt().toString());
        json.put("attribution", attribution(c.attribution()));
        json.put("commissionId", c.commission().map(Object::toString).orElse(null));
        return json;
    }

    static Map<String, Object> commission(Commission c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().value());
        json.put("partnerId", c.partnerId().value());
        json.put("kind", c.kind().name());
        json.put("status", c.status().name());
        json.put("amount", money(c.amount()));
        json.put("rule", c.rule());
        json.put("source", c.source());
        json.put("orderId", c.orderId());
        json.put("reverses", c.reversed().map(Object::toString).orElse(null));
        json.put("earnedAt", c.earnedAt().toString());
        json.put("payableOn", c.payableOn().toString());
        json.put("approvedAt", c.approvedAt() == null ? null : c.approvedAt().toString());
        json.put("payoutId", c.payoutId());
        json.put("voidedAt", c.voidedAt() == null ? null : c.voidedAt().toString());
        return json;
    }

    static Map<String, Object> stats(PartnerStats stats, String month) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", stats.partnerId().value());
        json.put("allTime", new TreeMap<>(stats.allTime()));
        if (month != null) {
            json.put("month", month);
            json.put("monthly", new TreeMap<>(stats.month()));
        }
        return json;
    }

    static Map<String, Object> attribution(Attribution a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", a.partnerId().value());
        json.put("path", a.path().name());
        json.put("code", a.code() == null ? null : a.code().value());
        json.put("clickId", a.clickId() == null ? null : a.clickId().value());
        json.put("campaign", a.campaign());
        return json;
    }

    static Map<String, Object> payout(dev.refer.core.payout.Payout p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().value());
        json.put("partnerId", p.partnerId().value());
        json.put("period", p.period().toString());
        json.put("amount", money(p.amount()));
        json.put("entryCount", p.entryCount());
        json.put("status", p.status().name());
        json.put("cutoff", p.cutoff().toString());
        json.put("createdAt", p.createdAt().toString());
        json.put("updatedAt", p.updatedAt().toString());
        json.put("reference", p.reference());
        json.put("failureReason", p.failureReason());
        if (p.status() == dev.refer.core.payout.PayoutStatus.FAILED) {
            json.put("entriesReturned", p.returned());
        }
        return json;
    }

    static Map<String, Object> run(dev.refer.core.payout.PayoutRuns.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", run.period().toString());
        json.put("periodStart", run.periodStart().toString());
        json.put("cutoff", run.cutoff().toString());
        json.put("startedAt", run.startedAt().toString());
        json.put("planned", run.planned());
        json.put("processed", run.processed());
        json.put("shardsPlanned", run.shardsDone());
        json.put("complete", run.complete());
        return json;
    }

    static Map<String, Object> money(Money m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minor", m.minor());
        json.put("currency", m.currency().getCurrencyCode());
        return json;
    }

    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(view).toList());
        json.put("nextCursor", page.nextCursor());
        return json;
    }
}

package dev.refer.portal.partner;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.lead.Lead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.Partner;
import dev.refer.core.payout.Payout;
import dev.refer.core.portal.Dashboard;
import dev.refer.core.portal.MaskedEmail;
import dev.refer.core.portal.PartnerMoney;
import dev.refer.core.portal.ShareKit;
import dev.refer.core.terms.Acceptance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@code /portal/api} shows the partner's data: the admin API's shapes where they overlap (money as
 * {@code {"minor": 1234, "currency": "EUR"}}, ISO-8601 UTC times, pages as {@code items} and {@code nextCursor}),
 * without what is not the partner's to see (a prospect's full email, internal notes, other partners' ids).
 */
final class PortalJson {

    private PortalJson() {
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

    static Map<String, Object> dashboard(Dashboard.View view, ShortLinks shortLinks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", view.month().toString());
        json.put("thisMonth", funnel(view.thisMonth()));
        json.put("allTime", funnel(view.allTime()));
        json.put("links", view.links().stream().map(row -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("code", row.link().code().value());
            link.put("url", shortLinks.url(row.link().code()));
            link.put("campaign", row.link().campaign());
            link.put("enabled", row.link().enabled());
            link.put("clicksThisMonth", row.clicksThisMonth());
            link.put("clicksAllTime", row.clicksAllTime());
            return link;
        }).toList());
        json.put("campaigns", view.campaigns().stream().map(row -> {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("campaign", row.campaign());
            campaign.put("links", row.links());
            campaign.put("clicksThisMonth", row.clicksThisMonth());
            campaign.put("clicksAllTime", row.clicksAllTime());
            return campaign;
        }).toList());
        Dashboard.NextPayout next = view.nextPayout();
        Map<String, Object> payout = new LinkedHashMap<>();
        payout.put("runOn", next.runOn().toString());
        payout.put("cutoff", next.cutoff().toString());
        payout.put("holdingPeriodDays", next.holdingPeriodDays());
        payout.put("balances", next.balances().stream().map(b -> {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("unpaid", money(b.unpaid()));
            balance.put("pending", money(b.pending()));
            balance.put("minimum", money(b.minimum()));
            balance.put("missing", money(b.missing()));
            balance.put("reachesMinimum", b.reachesMinimum());
            return balance;
        }).toList());
        json.put("nextPayout", payout);
        return json;
    }

    private static Map<String, Object> funnel(Dashboard.Funnel f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clicks", f.clicks());
        json.put("leads", f.leads());
        json.put("qualified", f.qualified());
        json.put("customers", f.customers());
        json.put("revenue", f.revenue().stream().map(PortalJson::money).toList());
        json.put("commissions", f.commissions().stream().map(PortalJson::money).toList());
        return json;
    }

    static Map<String, Object> link(LinkRoutes.LinkItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", item.link().code().value());
        json.put("url", item.url());
        json.put("destination", item.link().destination().toString());
        json.put("campaign", item.link().campaign());
        json.put("enabled", item.link().enabled());
        json.put("redirects", item.link().redirects());
        json.put("createdAt", item.link().createdAt().toString());
        json.put("clicksThisMonth", item.clicksThisMonth());
        json.put("clicksAllTime", item.clicksAllTime());
        json.put("qrPng", "/portal/links/" + item.link().code().value() + "/qr.png");
        json.put("qrSvg", "/portal/links/" + item.link().code().value() + "/qr.svg");
        ShareKit.Texts texts = item.share();
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("emailSubject", texts.emailSubject());
        share.put("emailBody", texts.emailBody());
        share.put("socialPost", texts.socialPost());
        json.put("share", share);
        return json;
    }

    /** The prospect's email masked: the visitor gave it, not the partner. */
    static Map<String, Object> lead(Lead l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", l.id().value());
        json.put("email", MaskedEmail.of(l.email()));
        json.put("name", l.name());
        json.put("company", l.company());
        json.put("status", l.status().name());
        json.put("createdAt", l.createdAt().toString());
        json.put("updatedAt", l.updatedAt().toString());
        return json;
    }

    static Map<String, Object> customer(Conversion c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().value());
        json.put("type", c.kind().wireName());
        json.put("orderId", c.orderId());
        json.put("amount", money(c.amount()));
        json.put("occurredAt", c.occurredAt().toString());
        json.put("campaign", c.attribution() == null ? null : c.attribution().campaign());
        return json;
    }

    static Map<String, Object> commission(PartnerMoney.Line line) {
        Commission c = line.entry();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().value());
        json.put("kind", c.kind().name());
        json.put("state", line.state().name());
        json.put("status", c.status().name());
        json.put("amount", money(c.amount()));
        json.put("rule", c.rule());
        json.put("reason", line.reason());
        json.put("reverses", c.reversed().map(Object::toString).orElse(null));
        json.put("earnedAt", c.earnedAt().toString());
        json.put("payableOn", c.payableOn().toString());
        json.put("pendingUntil", line.pendingUntil() == null ? null : line.pendingUntil().toString());
        json.put("payoutId", c.payoutId());
        json.put("voidedAt", c.voidedAt() == null ? null : c.voidedAt().toString());
        return json;
    }

    static Map<String, Object> payout(Payout p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().value());
        json.put("period", p.period().toString());
        json.put("amount", money(p.amount()));
        json.put("entryCount", p.entryCount());
        json.put("status", p.status().name());
        json.put("createdAt", p.createdAt().toString());
        json.put("updatedAt", p.updatedAt().toString());
        json.put("reference", p.reference());
        json.put("failureReason", p.failureReason());
        return json;
    }

    static Map<String, Object> statement(PartnerMoney.Statement statement) {
        Map<String, Object> json = payout(statement.payout());
        List<Map<String, Object>> entries = statement.entries().stream().map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", c.id().value());
            entry.put("kind", c.kind().name());
            entry.put("amount", money(c.amount()));
            entry.put("rule", c.rule());
            entry.put("earnedAt", c.earnedAt().toString());
            return entry;
        }).toList();
        json.put("entries", entries);
        return json;
    }

    static Map<String, Object> preferences(Preferences p) {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            topics.put(topic.wireName(), p.choice(topic).wireName());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topics", topics);
        json.put("shoutOut", p.shoutOut());
        return json;
    }

    static Map<String, Object> profile(Partner p, List<Acceptance> acceptances) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().value());
        json.put("name", p.name());
        json.put("company", p.company());
        json.put("email", p.email().value());
        json.put("status", p.status().name());
        json.put("joinedAt", p.createdAt().toString());
        json.put("termsAccepted", acceptances.stream().map(a -> {
            Map<String, Object> acceptance = new LinkedHashMap<>();
            acceptance.put("version", a.version());
            acceptance.put("acceptedAt", a.acceptedAt().toString());
            return acceptance;
        }).toList());
        return json;
    }

    /** The partner's funnel per sub-id value ({@code value} null: the values past a link's monthly bound, together). */
    static Map<String, Object> subIdFunnel(java.time.YearMonth month,
                                           List<dev.refer.core.stats.StatsRepository.SubIdRow> rows) {
        List<Map<String, Object>> items = new java.util.ArrayList<>(rows.size());
        for (var row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", row.code());
            item.put("parameter", row.parameter());
            item.put("value", row.value());
            item.put("clicks", row.clicks());
            item.put("leads", row.leads());
            item.put("sales", row.sales());
            items.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", month.toString());
        json.put("items", items);
        return json;
    }
}

package dev.refer.core.stats;

import dev.refer.core.Flow;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.link.FollowLink;
import dev.refer.core.link.SubIdSettings;
import dev.refer.core.link.VisitQuery;
import dev.refer.core.partner.Partner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The funnel per sub-id value: a click's values travel with the lead and the sale it brings. */
class SubIdProjectionTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");
    private final FollowLink withSubIds = new FollowLink(flow.store, flow.store, flow.ids, flow.clock,
            Duration.ofDays(90), () -> new SubIdSettings(List.of("sub1", "sub2")));

    private String click(String query) {
        var redirect = (FollowLink.Result.Redirect) withSubIds.follow(new FollowLink.Command("anna-news",
                Flow.BROWSER, VisitQuery.parse(query)));
        return redirect.clickId().value();
    }

    @Test
    void aClickALeadAndASale_countForEachSubIdValueTheClickRecorded() {
        flow.link(anna, "anna-news");
        String rid = click("sub1=spring&sub2=mail&gclid=x");
        YearMonth month = YearMonth.from(flow.clock.instant().atZone(ZoneOffset.UTC));
        var click = flow.store.clicks.values().iterator().next();
        assertEquals(List.of(
                        new SubIdCount(anna.id(), month, "anna-news", "sub1", "spring", SubIdCount.CLICKS, 1),
                        new SubIdCount(anna.id(), month, "anna-news", "sub2", "mail", SubIdCount.CLICKS, 1)),
                SubIdProjection.click(anna.id(), "anna-news", click.at(), click.subIds(), ZoneOffset.UTC));

        LeadId leadId = flow.lead("ada@acme.example", rid, null);
        Lead lead = flow.store.leads.get(leadId);
        assertEquals(Map.of("sub1", "spring", "sub2", "mail"), lead.attribution().subIds());
        assertEquals(List.of(
                        new SubIdCount(anna.id(), month, "anna-news", "sub1", "spring", SubIdCount.LEADS, 1),
                        new SubIdCount(anna.id(), month, "anna-news", "sub2", "mail", SubIdCount.LEADS, 1)),
                SubIdProjection.lead(null, lead, ZoneOffset.UTC));
        assertEquals(List.of(), SubIdProjection.lead(lead, lead, ZoneOffset.UTC), "a status move counts nothing");

        flow.sale("evt_1", "inv_1", 10_000, "ada@acme.example", "cus_1");
        Conversion sale = flow.store.conversionsByEvent.get("evt_1");
        assertEquals(List.of(
                        new SubIdCount(anna.id(), month, "anna-news", "sub1", "spring", SubIdCount.SALES, 1),
                        new SubIdCount(anna.id(), month, "anna-news", "sub2", "mail", SubIdCount.SALES, 1)),
                SubIdProjection.conversion(sale, ZoneOffset.UTC));
    }

    @Test
    void factsWithoutSubIds_orOrganic_countNothing() {
        flow.link(anna, "anna-news");
        String rid = click("gclid=x");
        assertEquals(List.of(), SubIdProjection.click(anna.id(), "anna-news", flow.clock.instant(), Map.of(),
                ZoneOffset.UTC));
        LeadId byCode = flow.lead("ref@acme.example", null, "anna-news");
        assertEquals(List.of(), SubIdProjection.lead(null, flow.store.leads.get(byCode), ZoneOffset.UTC));
        LeadId organic = flow.lead("organic@else.example", null, null);
        assertEquals(List.of(), SubIdProjection.lead(null, flow.store.leads.get(organic), ZoneOffset.UTC));
        flow.lead("clicked@acme.example", rid, null);
        flow.sale("evt_2", "inv_2", 10_000, "organic@else.example", "cus_2");
        assertEquals(List.of(), SubIdProjection.conversion(flow.store.conversionsByEvent.get("evt_2"),
                ZoneOffset.UTC));
    }
}

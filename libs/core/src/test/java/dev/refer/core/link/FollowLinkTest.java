package dev.refer.core.link;

import dev.refer.core.Flow;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.partner.ChangePartnerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowLinkTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    @Test
    void follow_whenLinkIsActive_recordsOneClickAndRedirectsWithRefAndRid() {
        flow.link(anna, "anna-news");
        FollowLink.Result result = flow.followLink.follow(new FollowLink.Command("anna-news", Flow.BROWSER, Map.of()));
        FollowLink.Result.Redirect redirect = assertInstanceOf(FollowLink.Result.Redirect.class, result);
        assertEquals("https://example.com/pricing?ref=anna-news&rid=" + redirect.clickId(), redirect.location());
        Click click = flow.store.clicks.get(redirect.clickId());
        assertEquals(anna.id(), click.partnerId());
        assertEquals("news", click.campaign());
        assertEquals(flow.clock.instant().plus(Duration.ofDays(90)), click.expiresAt());
    }

    @Test
    void follow_whenBotFetchesAPreview_redirectsWithoutCounting() {
        flow.link(anna, "anna-news");
        FollowLink.Result result = flow.followLink.follow(
                new FollowLink.Command("anna-news", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", Map.of()));
        FollowLink.Result.Redirect redirect = assertInstanceOf(FollowLink.Result.Redirect.class, result);
        assertNull(redirect.clickId());
        assertEquals("https://example.com/pricing?ref=anna-news", redirect.location());
        assertTrue(flow.store.clicks.isEmpty());
    }

    @Test
    void follow_whenTheClickWriteFails_redirectsWithoutRidAndReportsTheFailure() {
        flow.link(anna, "anna-news");
        RuntimeException throttled = new IllegalStateException("ProvisionedThroughputExceededException");
        FollowLink failing = new FollowLink(flow.store, click -> {
            throw throttled;
        }, flow.ids, flow.clock, Duration.ofDays(90));

        FollowLink.Result.Redirect redirect = assertInstanceOf(FollowLink.Result.Redirect.class,
                failing.follow(new FollowLink.Command("anna-news", Flow.BROWSER, Map.of())));

        assertEquals("https://example.com/pricing?ref=anna-news", redirect.location(), "the code still attributes");
        assertNull(redirect.clickId());
        assertEquals(throttled, redirect.clickWriteFailure());
    }

    @Test
    void follow_whenUnknownMalformedOrDisabled_isNotFoundAndCountsNothing() {
        flow.link(anna, "anna-news");
        flow.store.setEnabled(new LinkCode("anna-news"), false);
        for (String code : new String[]{"anna-news", "nobody", "../etc", "a", ""}) {
            assertInstanceOf(FollowLink.Result.NotFound.class,
                    flow.followLink.follow(new FollowLink.Command(code, Flow.BROWSER, Map.of())));
        }
        assertTrue(flow.store.clicks.isEmpty());
    }

    @Test
    void follow_whenPartnerSuspended_isNotFound() {
        flow.link(anna, "anna-news");
        new ChangePartnerStatus(flow.store, flow.store).change(anna.id(), PartnerStatus.SUSPENDED);
        assertInstanceOf(FollowLink.Result.NotFound.class,
                flow.followLink.follow(new FollowLink.Command("anna-news", Flow.BROWSER, Map.of())));
    }

    @Test
    void cachedLookup_whenLinkDisabledElsewhere_stopsRedirectingWithinTheTtl() {
        flow.link(anna, "anna-news");
        CachedLinkLookup cache = new CachedLinkLookup(flow.store, flow.clock, Duration.ofSeconds(30), 1000);
        FollowLink cached = new FollowLink(cache, flow.store, flow.ids, flow.clock, Duration.ofDays(90));
        FollowLink.Command command = new FollowLink.Command("anna-news", Flow.BROWSER, Map.of());
        assertInstanceOf(FollowLink.Result.Redirect.class, cached.follow(command));
        flow.store.setEnabled(new LinkCode("anna-news"), false); // another environment (the admin API) disables it
        assertInstanceOf(FollowLink.Result.Redirect.class, cached.follow(command), "served from cache within TTL");
        flow.clock.advance(Duration.ofSeconds(31));
        assertInstanceOf(FollowLink.Result.NotFound.class, cached.follow(command));
    }

    @Test
    void follow_forwardsEveryParameterAndRecordsTheProgramsSubIdsOnTheClick() {
        flow.link(anna, "anna-news");
        int[] reads = {0};
        FollowLink withSubIds = new FollowLink(flow.store, flow.store, flow.ids, flow.clock, Duration.ofDays(90),
                () -> {
                    reads[0]++;
                    return new SubIdSettings(java.util.List.of("sub1", "sub2"));
                });
        FollowLink.Result.Redirect redirect = assertInstanceOf(FollowLink.Result.Redirect.class,
                withSubIds.follow(new FollowLink.Command("anna-news", Flow.BROWSER,
                        VisitQuery.parse("gclid=abc&sub1=spring%20mail&sub9=x&rid=forged"))));
        assertEquals("https://example.com/pricing?gclid=abc&sub1=spring+mail&sub9=x&ref=anna-news&rid="
                + redirect.clickId(), redirect.location());
        assertEquals(Map.of("sub1", "spring mail"), flow.store.clicks.get(redirect.clickId()).subIds());
        assertEquals(1, reads[0]);

        // a visit with nothing but UTM tags cannot carry a sub-id: the settings are not asked for
        FollowLink.Result.Redirect plain = assertInstanceOf(FollowLink.Result.Redirect.class,
                withSubIds.follow(new FollowLink.Command("anna-news", Flow.BROWSER,
                        VisitQuery.parse("utm_source=x"))));
        assertTrue(flow.store.clicks.get(plain.clickId()).subIds().isEmpty());
        assertEquals(1, reads[0]);
    }

    @Test
    void follow_whenTheSubIdSettingsCannotBeRead_countsTheClickWithoutThem() {
        flow.link(anna, "anna-news");
        FollowLink failing = new FollowLink(flow.store, flow.store, flow.ids, flow.clock, Duration.ofDays(90),
                () -> {
                    throw new IllegalStateException("throttled");
                });
        FollowLink.Result.Redirect redirect = assertInstanceOf(FollowLink.Result.Redirect.class,
                failing.follow(new FollowLink.Command("anna-news", Flow.BROWSER, VisitQuery.parse("sub1=a"))));
        assertNull(redirect.clickWriteFailure());
        assertTrue(redirect.location().startsWith("https://example.com/pricing?sub1=a&ref=anna-news&rid="));
        assertTrue(flow.store.clicks.get(redirect.clickId()).subIds().isEmpty());
    }
}

package dev.refer.core.link;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectLocationTest {

    private static final LinkCode CODE = new LinkCode("anna-news");
    private static final ClickId CLICK = new ClickId("01JC0000000000000000000001");
    private static final String OURS = "ref=anna-news&rid=01JC0000000000000000000001";

    private static String build(String destination, String rawVisitQuery) {
        return RedirectLocation.build(URI.create(destination), CODE, CLICK, VisitQuery.parse(rawVisitQuery));
    }

    @Test
    void build_whenDestinationHasNoQuery_addsRefAndRid() {
        assertEquals("https://example.com/pricing?ref=anna-news&rid=01JC0000000000000000000001",
                RedirectLocation.build(URI.create("https://example.com/pricing"), CODE, CLICK, Map.of()));
    }

    @Test
    void build_whenDestinationHasQueryAndFragment_keepsThem() {
        assertEquals("https://example.com/p?utm_source=partner&x=1&ref=anna-news&rid=01JC0000000000000000000001#plans",
                RedirectLocation.build(URI.create("https://example.com/p?utm_source=partner&x=1#plans"), CODE, CLICK,
                        Map.of()));
    }

    @Test
    void build_whenShortLinkCarriesUtmTags_forwardsThoseTheDestinationLacks() {
        Map<String, String> incoming = new LinkedHashMap<>();
        incoming.put("utm_source", "linkedin");
        incoming.put("utm_medium", "social");
        incoming.put("other", "kept");
        assertEquals("https://example.com/?utm_source=partner&utm_medium=social&other=kept&ref=anna-news",
                RedirectLocation.build(URI.create("https://example.com/?utm_source=partner"), CODE, null, incoming));
    }

    @Test
    void build_forwardsEveryParameterOfTheVisit_clickIdsAndSubIdsIncluded_inTheOrderSent() {
        assertEquals("https://example.com/p?plan=pro&gclid=Cj0KCQ_abc-1&fbclid=IwAR2x&sub1=spring&sub2=mail&"
                        + OURS,
                build("https://example.com/p?plan=pro", "gclid=Cj0KCQ_abc-1&fbclid=IwAR2x&sub1=spring&sub2=mail"));
    }

    @Test
    void build_whenDestinationCarriesRefOrRid_replacesThem() {
        assertEquals("https://example.com/?a=1&ref=anna-news&rid=01JC0000000000000000000001",
                RedirectLocation.build(URI.create("https://example.com/?ref=forged&a=1&rid=x"), CODE, CLICK,
                        Map.of()));
    }

    @Test
    void build_whenTheVisitorSendsRefOrRid_inAnyCase_dropsThemAndSetsOurs() {
        String location = build("https://example.com/", "ref=forged&rid=01JCFORGED&REF=x&Rid=y&sub1=a&rId=z");
        assertEquals("https://example.com/?sub1=a&" + OURS, location);
    }

    @Test
    void build_whenTheVisitorSendsANameTheDestinationSets_theDestinationWins() {
        assertEquals("https://example.com/?plan=pro&coupon=x&" + OURS,
                build("https://example.com/?plan=pro", "plan=free&coupon=x"));
        assertEquals("https://example.com/?a%20b=1&" + OURS,
                build("https://example.com/?a%20b=1", "a+b=2"), "names compare decoded");
        assertEquals("https://example.com/?ab=1&flag&x=&a=2&" + OURS,
                build("https://example.com/?ab=1&flag&x=", "a=2&flag=on&x=y&ab=3"), "whole names, bare or empty");
    }

    @Test
    void build_whenValuesNeedEncoding_encodesThem() {
        assertEquals("https://example.com/?utm_campaign=spring+sale%26more&ref=anna-news",
                RedirectLocation.build(URI.create("https://example.com/"), CODE, null,
                        Map.of("utm_campaign", "spring sale&more")));
    }

    @Test
    void build_whenTheVisitCarriesCrLf_theHeaderCannotBeSplit() {
        String location = build("https://example.com/", "x=a%0D%0ASet-Cookie:%20evil=1&y%0d%0a=b");
        assertEquals("https://example.com/?x=a%0D%0ASet-Cookie%3A+evil%3D1&y%0D%0A=b&" + OURS, location);
        assertFalse(location.contains("\r") || location.contains("\n"));
    }

    @Test
    void build_whenAValueCarriesAHashOrAmpersandOrEquals_itStaysInsideTheValue() {
        assertEquals("https://example.com/p?q=a%23frag%26rid%3D1%3Dx&" + OURS + "#plans",
                build("https://example.com/p#plans", "q=a%23frag%26rid%3D1%3Dx"));
        // a raw '#' never reaches us (the browser keeps the fragment), but a value cannot open one either
        assertTrue(build("https://example.com/", "q=%23").indexOf('#') < 0);
    }

    @Test
    void build_whenTheVisitCarriesNonAscii_itIsForwardedAsUtf8Escapes() {
        String location = build("https://example.com/", "city=M%C3%BCnchen&%E2%9C%93=%F0%9F%98%80");
        assertEquals("https://example.com/?city=M%C3%BCnchen&%E2%9C%93=%F0%9F%98%80&" + OURS, location);
        assertTrue(location.chars().allMatch(c -> c > 0x20 && c < 0x7f), location);
    }

    @Test
    void build_whenNamesRepeat_everyValueIsForwardedInOrder() {
        assertEquals("https://example.com/?tag=a&tag=b&x=1&tag=c&" + OURS,
                build("https://example.com/", "tag=a&tag=b&x=1&tag=c"));
    }

    @Test
    void build_keepsBareNamesAndEmptyValuesAsSent_andSkipsEmptyPairsAndNames() {
        assertEquals("https://example.com/?preview&empty=&" + OURS,
                build("https://example.com/", "preview&&empty=&=orphan&"));
    }

    @Test
    void build_whenAPairsEncodingIsBroken_dropsThatPairOnly() {
        assertEquals("https://example.com/?ok=1&also=2&" + OURS,
                build("https://example.com/", "ok=1&bad=%zz&%=x&also=2"));
    }

    @Test
    void build_whenTheVisitIsLong_staysWithinTheCap_droppingWholeParametersFromTheFirstThatDoesNotFit() {
        String big = "x".repeat(RedirectLocation.MAX_LENGTH);
        String location = build("https://example.com/", "a=1&big=" + big + "&small=2");
        assertEquals("https://example.com/?a=1&" + OURS, location,
                "the parameter past the cap and every one after it are dropped whole");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append("p").append(i).append("=value").append(i).append('&');
        }
        location = build("https://example.com/", many.toString());
        assertTrue(location.length() <= RedirectLocation.MAX_LENGTH, "length " + location.length());
        assertTrue(location.endsWith("&" + OURS), location.substring(location.length() - 80));
        String last = location.substring(0, location.indexOf("&ref=")).replaceAll(".*&", "");
        assertTrue(last.matches("p\\d+=value\\d+") && last.substring(1, last.indexOf('='))
                .equals(last.substring(last.indexOf("value") + 5)), "no value cut: " + last);
    }

    @Test
    void build_whenAnEncodedParameterFitsExactly_itIsKept_andOneCharacterMoreDropsIt() {
        String base = "https://example.com/?";
        int room = RedirectLocation.MAX_LENGTH - base.length() - OURS.length() - "v=&".length();
        assertEquals(RedirectLocation.MAX_LENGTH, build("https://example.com/", "v=" + "y".repeat(room)).length());
        assertEquals(base + OURS, build("https://example.com/", "v=" + "y".repeat(room + 1)));
        // the cap is counted on the encoded text: 3 characters per escaped byte
        assertEquals(base + OURS, build("https://example.com/", "v=" + "%0A".repeat(room / 3 + 1)));
    }

    @Test
    void build_whenTheDestinationIsAtItsLongest_refAndRidStillFit() {
        String destination = "https://example.com/" + "d".repeat(2048 - 20);
        String location = build(destination, "sub1=" + "z".repeat(RedirectLocation.MAX_LENGTH));
        assertEquals(destination + "?" + OURS, location);
    }

    @Test
    void build_forABot_forwardsTheSameParametersWithoutRid() {
        assertEquals("https://example.com/?gclid=1&ref=anna-news",
                RedirectLocation.build(URI.create("https://example.com/"), CODE, null, VisitQuery.parse("gclid=1")));
    }
}

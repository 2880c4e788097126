package dev.refer.core.link;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedirectLocationTest {

    private static final LinkCode CODE = new LinkCode("anna-news");
    private static final ClickId CLICK = new ClickId("01JC0000000000000000000001");

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
        incoming.put("other", "dropped");
        assertEquals("https://example.com/?utm_source=partner&utm_medium=social&ref=anna-news",
                RedirectLocation.build(URI.create("https://example.com/?utm_source=partner"), CODE, null, incoming));
    }

    @Test
    void build_whenDestinationCarriesRefOrRid_replacesThem() {
        assertEquals("https://example.com/?a=1&ref=anna-news&rid=01JC0000000000000000000001",
                RedirectLocation.build(URI.create("https://example.com/?ref=forged&a=1&rid=x"), CODE, CLICK,
                        Map.of()));
    }

    @Test
    void build_whenValuesNeedEncoding_encodesThem() {
        assertEquals("https://example.com/?utm_campaign=spring+sale%26more&ref=anna-news",
                RedirectLocation.build(URI.create("https://example.com/"), CODE, null,
                        Map.of("utm_campaign", "spring sale&more")));
    }
}

package dev.refer.dynamodb.lite;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Byte-compatibility with the SDK-based adapters, on DynamoDB Local: links written by {@link DynamoDbLinkRepository}
 * read the same through {@link LiteLinkLookup}; clicks written by {@link LiteClickRecorder} are the very items
 * {@link DynamoDbClickRepository} writes and reads. The lite client is configured as in production, from the
 * standard settings ({@link LocalSdk} sets the system properties the SDK reads).
 */
class LiteAdaptersCompatibilityTest {

    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC());
    private final TestTable table = TestTable.create();
    private final LiteDynamoDb lite = LiteDynamoDb.create();
    private final DynamoDbLinkRepository sdkLinks = new DynamoDbLinkRepository(table.client(), table.config());
    private final DynamoDbClickRepository sdkClicks = new DynamoDbClickRepository(table.client(), table.config());
    private final LiteLinkLookup liteLinks = new LiteLinkLookup(lite, table.name());
    private final LiteClickRecorder liteClicks = new LiteClickRecorder(lite, table.name());

    @BeforeAll
    static void useDynamoDbLocal() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @Test
    void find_whenTheSdkAdapterWroteTheLink_readsEveryFieldTheSame() {
        Link link = link("ada-news", "newsletter", Instant.parse("2026-05-04T10:00:00.123Z"));
        sdkLinks.create(link);

        Link read = liteLinks.find(link.code()).orElseThrow();

        assertEquals(link, read);
        assertEquals(sdkLinks.find(link.code()).orElseThrow(), read);
    }

    @Test
    void find_whenNoCampaignAndOddInstants_readsThemTheSame() {
        for (Instant createdAt : new Instant[] {Instant.parse("2026-05-04T10:00:00Z"),
                Instant.parse("2026-05-04T10:00:00.000000001Z"), Instant.parse("2026-12-31T23:59:59.5Z")}) {
            Link link = link("c-" + createdAt.getNano(), null, createdAt);
            sdkLinks.create(link);

            assertEquals(link, liteLinks.find(link.code()).orElseThrow());
        }
    }

    @Test
    void find_whenTheLinkIsDisabled_readsItDisabled() {
        Link link = link("ada-off", "newsletter", Instant.parse("2026-05-04T10:00:00Z"));
        sdkLinks.create(link);
        sdkLinks.setEnabled(link.code(), false);

        Link read = liteLinks.find(link.code()).orElseThrow();

        assertFalse(read.enabled());
        assertFalse(read.redirects());
        assertEquals(link.withEnabled(false), read);
    }

    @Test
    void find_whenThePartnerIsInactive_readsPartnerActiveFalse() {
        Link link = link("ada-suspended", "newsletter", Instant.parse("2026-05-04T10:00:00Z"));
        sdkLinks.create(link);
        sdkLinks.setPartnerActive(link.partnerId(), false);

        Link read = liteLinks.find(link.code()).orElseThrow();

        assertFalse(read.partnerActive());
        assertTrue(read.enabled());
        assertEquals(sdkLinks.find(link.code()).orElseThrow(), read);
    }

    @Test
    void find_whenTheCodeIsUnknown_isEmpty() {
        assertTrue(liteLinks.find(new LinkCode("nobody-has-this")).isEmpty());
    }

    @Test
    void record_thenTheSdkAdapterFindsTheSameClick() {
        Click click = click("newsletter", Instant.parse("2026-05-04T10:00:00.123Z"));

        liteClicks.record(click);

        assertEquals(click, sdkClicks.find(click.id()).orElseThrow());
        assertEquals(1, table.count("CLICK"));
    }

    /** The raw items, compared attribute by attribute through the SDK client: ours and ClickMapper's. */
    @Test
    void record_storesExactlyTheItemTheSdkAdapterStores() {
        TestTable sdkTable = TestTable.create();
        DynamoDbClickRepository sdkWriter = new DynamoDbClickRepository(sdkTable.client(), sdkTable.config());
        Click[] clicks = {
                click("newsletter", Instant.parse("2026-05-04T10:00:00.123Z")),
                click(null, Instant.parse("2026-05-04T10:00:00Z")),
                click("caf\u00e9 \u2713 \"quoted\"", Instant.parse("2026-05-04T10:00:00.123456789Z")),
                withSubIds(click("newsletter", Instant.parse("2026-05-04T10:00:00Z")),
                        Map.of("sub1", "spring \"mail\" \\ x", "sub2", "M%C3%BCnchen"))};
        for (Click click : clicks) {
            liteClicks.record(click);
            sdkWriter.record(click);

            String pk = "CLICK#" + click.id().value();
            Map<String, AttributeValue> ours = table.item(pk, "CLICK");
            Map<String, AttributeValue> theirs = sdkTable.item(pk, "CLICK");
            assertNotNull(ours);
            assertEquals(theirs, ours);
        }
        assertEquals(Set.of("pk", "sk", "type", "code", "partnerId", "at", "expiresAt"),
                table.item("CLICK#" + clicks[1].id().value(), "CLICK").keySet());
    }

    @Test
    void record_withSubIds_thenTheSdkAdapterFindsTheSameClick() {
        Click click = withSubIds(click(null, Instant.parse("2026-05-04T10:00:00Z")),
                Map.of("sub1", "spring", "campaign_id", "42"));

        liteClicks.record(click);

        assertEquals(click, sdkClicks.find(click.id()).orElseThrow());
    }

    @Test
    void subIdSettings_readAsTheSdkAdapterWritesThem_noneWithoutTheItem() {
        LiteSubIdSettings settings = new LiteSubIdSettings(lite, table.name(), table.config().programId().value());
        assertEquals(dev.refer.core.link.SubIdSettings.NONE, settings.get());
        new dev.refer.dynamodb.link.DynamoDbSubIdSettings(table.client(), table.config())
                .save(new dev.refer.core.link.SubIdSettings(java.util.List.of("sub1", "campaign_id")));
        assertEquals(java.util.List.of("sub1", "campaign_id"), settings.get().parameters());
    }

    private static Click withSubIds(Click click, Map<String, String> subIds) {
        return new Click(click.id(), click.code(), click.partnerId(), click.campaign(), click.at(), click.expiresAt(),
                subIds);
    }

    private Link link(String code, String campaign, Instant createdAt) {
        return new Link(new LinkCode(code), new PartnerId(ids.newId()),
                URI.create("https://www.example.com/pricing?x=1&y=%C3%A9"), campaign, true, true, createdAt);
    }

    private Click click(String campaign, Instant at) {
        // expiresAt is stored in whole epoch seconds (the TTL's form), so it has none of its own
        return new Click(new ClickId(ids.newId()), new LinkCode("ada-news"), new PartnerId(ids.newId()), campaign, at,
                at.truncatedTo(ChronoUnit.SECONDS).plus(90, ChronoUnit.DAYS));
    }
}

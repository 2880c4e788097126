package dev.refer.table;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys exactly as docs/data-model.md spells them: the stored items of every deployed table depend on these. */
class TableKeysTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Test
    void theRedirectsItems_areKeyedByCodeAndClickId() {
        assertEquals(new TableKey("LINK#ada-news", "LINK"), TableKeys.link("ada-news"));
        assertEquals(new TableKey("CLICK#01J0CLICK", "CLICK"), TableKeys.click("01J0CLICK"));
        assertEquals("01J0CLICK", TableKeys.clickIdOf(TableKeys.click("01J0CLICK").pk()));
    }

    @Test
    void partnerScopedItems_shareThePartnersPartition() {
        assertEquals(new TableKey("PARTNER#p1", "PARTNER"), TableKeys.partner("p1"));
        assertEquals(new TableKey("PARTNER#p1", "COMMISSION#c1"), TableKeys.commission("p1", "c1"));
        assertEquals(new TableKey("PARTNER#p1", "PAYOUT#2026-05#EUR"), TableKeys.payout("p1", MAY, "EUR"));
        assertEquals(new TableKey("PARTNER#p1", "PREFS"), TableKeys.preferences("p1"));
        assertEquals(new TableKey("PARTNER#p1", "CLICKS#2026-05"), TableKeys.partnerClicks("p1", MAY, 0));
        assertEquals(new TableKey("PARTNER#p1", "CLICKS#2026-05#2"), TableKeys.partnerClicks("p1", MAY, 2));
        assertEquals("p1", TableKeys.partnerIdOf(TableKeys.partnerPk("p1")));
    }

    @Test
    void programScopedNaturalKeys_carryTheProgramId() {
        assertEquals(new TableKey("PROGRAM#acme", "PROGRAM"), TableKeys.program("acme"));
        assertEquals(new TableKey("LEAD_EMAIL#acme#a@b.example", "LEAD_EMAIL"),
                TableKeys.leadEmail("acme", "a@b.example"));
        assertEquals(new TableKey("CONVERSION#acme#evt_1", "CONVERSION"), TableKeys.conversion("acme", "evt_1"));
        assertEquals(new TableKey("PROMOTION_CODE#acme#promo_1Ab", "PROMOTION_CODE"),
                TableKeys.promotionCode("acme", "promo_1Ab"));
        assertEquals(new TableKey("PAYOUTRUN#acme#2026-05", "DONE#p1"), TableKeys.payoutRunDone("acme", MAY, "p1"));
        assertEquals("PROGRAM#acme#DIGESTS#2026-05-04#leads",
                TableKeys.digestsOf("acme", LocalDate.of(2026, 5, 4), "leads"));
    }

    @Test
    void timesInSortKeys_areFixedWidth_soStringOrderIsTimeOrder() {
        assertEquals("2026-05-04T10:00:00.000Z#ada-news",
                TableKeys.linkOrder(Instant.parse("2026-05-04T10:00:00Z"), "ada-news"));
        assertEquals("2026-05-04T10:00:00.500Z#c1",
                TableKeys.unpaidOrder(Instant.parse("2026-05-04T10:00:00.5Z"), "c1"));
    }

    @Test
    void organicListings_spreadOverSixteenStableShards() {
        assertEquals(Math.floorMod("lead-1".hashCode(), 16), TableKeys.shard("lead-1", TableKeys.ORGANIC_SHARDS));
        assertEquals("PROGRAM#acme#ORGANIC_LEADS#" + TableKeys.shard("lead-1", 16),
                TableKeys.organicLeads("acme", "lead-1"));
    }

    @Test
    void terms_currentBesideTheProgram_versionsUnique_acceptancesBesideThePartner() {
        assertEquals(new TableKey("PROGRAM#acme", "TERMS"), TableKeys.currentTerms("acme"));
        assertEquals(new TableKey("TERMS#acme#2026-12", "TERMS"), TableKeys.termsVersion("acme", "2026-12"));
        assertEquals("PROGRAM#acme#TERMS", TableKeys.termsOf("acme"));
        assertEquals(new TableKey("PARTNER#p1", "TERMS#2026-12"), TableKeys.termsAcceptance("p1", "2026-12"));
        assertEquals("PARTNER#p1#TERMS", TableKeys.acceptancesOf("p1"));
        assertEquals("2026-05-04T10:00:00.000Z#v2", TableKeys.termsOrder(Instant.parse("2026-05-04T10:00:00Z"), "v2"));
    }

    @Test
    void applications_oneGuardPerEmail_listedPerStatus_settingsBesideTheProgram() {
        assertEquals(new TableKey("APPLICATION#a1", "APPLICATION"), TableKeys.application("a1"));
        assertEquals(new TableKey("APPLICATION_EMAIL#acme#g@h.example", "APPLICATION_EMAIL"),
                TableKeys.applicationEmail("acme", "g@h.example"));
        assertEquals("PROGRAM#acme#APPLICATIONS#PENDING", TableKeys.applicationsOf("acme", "PENDING"));
        assertEquals(new TableKey("PROGRAM#acme", "ONBOARDING"), TableKeys.onboardingSettings("acme"));
    }
}

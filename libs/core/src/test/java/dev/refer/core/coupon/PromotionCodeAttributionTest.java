package dev.refer.core.coupon;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Referral codes as coupons (row 9 of docs/attribution-and-money.md): a promotion code tied to Anna's referral code
 * makes the sales paid with it Anna's; it ranks below an approved deal registration and above the event's click.
 */
class PromotionCodeAttributionTest {

    private static final String ADA = "ada@acme.example";
    private static final String PROMO = "promo_1AnnaNews";

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");
    private final Partner bruno = flow.partner("bruno@partner.example");
    private final TiePromotionCode tie = new TiePromotionCode(flow.store, flow.promotionCodes, flow.clock);

    PromotionCodeAttributionTest() {
        flow.link(anna, "anna-news");
        flow.link(bruno, "bruno-blog");
    }

    private ConversionResult.Recorded sale(String rid, String ref, String promotionCode) {
        return assertInstanceOf(ConversionResult.Recorded.class, flow.recordSale.record(new ConversionCommand(
                "evt_sale", ConversionKind.SALE, "order-1", Money.of(10_000, "EUR"), "cus_1", new EmailAddress(ADA),
                flow.clock.instant(), rid, ref, promotionCode)));
    }

    private static PartnerId winner(ConversionResult.Recorded recorded) {
        Attribution attribution = recorded.conversion().attribution();
        return attribution == null ? null : attribution.partnerId();
    }

    @Test
    void row9_aTiedPromotionCode_attributesTheSaleToItsPartner() {
        assertInstanceOf(TiePromotionCode.Result.Tied.class, tie.tie(PROMO, "anna-news"));
        ConversionResult.Recorded recorded = sale(null, null, PROMO);
        assertEquals(anna.id(), winner(recorded));
        assertEquals(Attribution.Path.COUPON, recorded.conversion().attribution().path());
        assertEquals(new LinkCode("anna-news"), recorded.conversion().attribution().code());
        assertEquals(anna.id(), recorded.entries().getFirst().partnerId(), "the commission is Anna's");
        assertEquals(anna.id(), flow.store.customers.get("cus_1").partnerId());
    }

    @Test
    void row9_aPromotionCode_beatsTheEventsClickAndCode() {
        tie.tie(PROMO, "anna-news");
        ClickId brunosClick = flow.click("bruno-blog");
        assertEquals(anna.id(), winner(sale(brunosClick.value(), "bruno-blog", PROMO)));
    }

    @Test
    void row9_anApprovedDealRegistration_beatsAPromotionCode() {
        tie.tie(PROMO, "anna-news");
        flow.approvedDeal(bruno, "acme.example");
        ConversionResult.Recorded recorded = sale(null, null, PROMO);
        assertEquals(bruno.id(), winner(recorded));
        assertEquals(Attribution.Path.DEAL, recorded.conversion().attribution().path());
    }

    @Test
    void row9_anUntiedPromotionCode_isNoEvidence_theNextEvidenceWins() {
        ClickId brunosClick = flow.click("bruno-blog");
        assertEquals(bruno.id(), winner(sale(brunosClick.value(), null, "promo_SomebodyElse")));
    }

    @Test
    void row9_aDisabledLinkOrASuspendedPartner_makesTheCodeNoEvidence() {
        tie.tie(PROMO, "anna-news");
        flow.store.setEnabled(new LinkCode("anna-news"), false);
        assertNull(winner(sale(null, null, PROMO)));

        Flow other = new Flow();
        Partner carla = other.partner("carla@partner.example");
        other.link(carla, "carla-news");
        new TiePromotionCode(other.store, other.promotionCodes, other.clock).tie(PROMO, "carla-news");
        new ChangePartnerStatus(other.store, other.store).change(carla.id(), PartnerStatus.SUSPENDED);
        ConversionResult.Recorded recorded = assertInstanceOf(ConversionResult.Recorded.class,
                other.recordSale.record(new ConversionCommand("evt_sale", ConversionKind.SALE, "order-1",
                        Money.of(10_000, "EUR"), "cus_1", new EmailAddress(ADA), other.clock.instant(), null, null,
                        PROMO)));
        assertNull(winner(recorded));
    }

    @Test
    void row9_aKnownCustomer_row0_staysWithItsPartnerWhateverCodeItPaysWith() {
        ClickId brunosClick = flow.click("bruno-blog");
        sale(brunosClick.value(), null, null);
        tie.tie(PROMO, "anna-news");
        ConversionResult.Recorded renewal = assertInstanceOf(ConversionResult.Recorded.class,
                flow.recordSale.record(new ConversionCommand("evt_renewal", ConversionKind.RENEWAL, "order-2",
                        Money.of(10_000, "EUR"), "cus_1", new EmailAddress(ADA), flow.clock.instant(), null, null,
                        PROMO)));
        assertEquals(bruno.id(), winner(renewal));
    }

    @Test
    void tie_isKeptOnce_theSameTieAgainIsAnswered_anotherCodeIsRefused() {
        assertInstanceOf(TiePromotionCode.Result.Tied.class, tie.tie(PROMO, "anna-news"));
        assertInstanceOf(TiePromotionCode.Result.AlreadyTied.class, tie.tie(PROMO, "anna-news"));
        TiePromotionCode.Result elsewhere = tie.tie(PROMO, "bruno-blog");
        assertEquals(new LinkCode("anna-news"),
                assertInstanceOf(TiePromotionCode.Result.TiedElsewhere.class, elsewhere).tie().code());
        assertEquals(anna.id(), flow.promotionCodes.ties.get(PROMO).partnerId());
    }

    @Test
    void tie_needsAnExistingReferralCode_andAWellFormedId() {
        assertInstanceOf(TiePromotionCode.Result.UnknownCode.class, tie.tie(PROMO, "nobody-code"));
        assertEquals("promotionCodeId", assertThrows(Invalid.class, () -> tie.tie("promo 1<script>", "anna-news"))
                .violations().getFirst().field());
        assertEquals("code", assertThrows(Invalid.class, () -> tie.tie(PROMO, "<script>")).violations().getFirst()
                .field());
        assertEquals(0, flow.promotionCodes.ties.size(), "nothing stored");
    }

    @Test
    void aSaleWithoutAPromotionCode_readsNoTie() {
        tie.tie(PROMO, "anna-news");
        flow.promotionCodes.reads = 0;
        sale(null, "bruno-blog", null);
        assertEquals(0, flow.promotionCodes.reads);
    }
}

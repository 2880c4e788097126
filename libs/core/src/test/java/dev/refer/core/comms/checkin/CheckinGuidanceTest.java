package dev.refer.core.comms.checkin;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.mail.CheckinLetter.Variant;
import dev.refer.core.mail.CheckinLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which check-in a partner gets ({@link CheckinGuidance}): the first stage of its funnel where it is stuck, or the month in numbers. */
class CheckinGuidanceTest {

    private static final Instant MONTH_END = Instant.parse("2026-11-01T00:00:00Z");

    private static Partner joined(Duration beforeMonthEnd) {
        return new Partner(new PartnerId("01JB0000000000000000000000"), "Ada", new EmailAddress("ada@partner.example"),
                null, PartnerStatus.ACTIVE, null, MONTH_END.minus(beforeMonthEnd));
    }

    private static CheckinLetter.Numbers numbers(long clicks, long leads, long qualified, long converted, long sales) {
        return numbers(clicks, leads, qualified, 0, converted, sales);
    }

    private static CheckinLetter.Numbers numbers(long clicks, long leads, long qualified, long rejected,
                                                 long converted, long sales) {
        Money zero = Money.of(0, "EUR");
        return new CheckinLetter.Numbers(clicks, leads, qualified, rejected, converted, sales,
                Money.of(sales * 10_000, "EUR"), zero, zero, zero);
    }

    private static Variant variant(Duration member, CheckinLetter.Numbers numbers) {
        return CheckinGuidance.DEFAULT.variant(joined(member), MONTH_END, numbers);
    }

    @Test
    void aPartnerWhoJoinedInTheLast30Days_getsOnboarding_whateverItsNumbers() {
        assertEquals(Variant.ONBOARDING, variant(Duration.ofDays(10), numbers(0, 0, 0, 0, 0)));
        assertEquals(Variant.ONBOARDING, variant(Duration.ofDays(29), numbers(50, 3, 1, 1, 1)));
    }

    @Test
    void aStuckPartner_getsGuidanceForTheFirstStageItIsStuckAt() {
        Duration member = Duration.ofDays(120);
        assertEquals(Variant.NO_CLICKS, variant(member, numbers(0, 0, 0, 0, 0)));
        assertEquals(Variant.NO_LEADS, variant(member, numbers(40, 0, 0, 0, 0)));
        assertEquals(Variant.NO_QUALIFIED, variant(member, numbers(40, 3, 0, 0, 0)));
        assertEquals(Variant.NO_QUALIFIED, variant(member, numbers(40, 5, 0, 5, 0, 0)), "all rejected: none qualified");
    }

    @Test
    void aPartnerWhoseLeadsMostlyDoNotFit_getsWhoFitsBest_evenWithASale() {
        Duration member = Duration.ofDays(120);
        assertEquals(Variant.POOR_FIT, variant(member, numbers(40, 10, 1, 6, 1, 1)), "6 rejected against 2");
        assertEquals(Variant.POOR_FIT, variant(member, numbers(40, 4, 1, 3, 0, 0)), "3 against 1");
        assertEquals(Variant.SUMMARY, variant(member, numbers(40, 10, 2, 4, 2, 2)), "4 against 4: not most");
        assertEquals(Variant.SUMMARY, variant(member, numbers(40, 3, 1, 2, 0, 0)), "2 rejected: not yet a pattern");
    }

    @Test
    void aPartnerWithQualifiedLeadsOrSales_getsTheMonthInNumbers() {
        Duration member = Duration.ofDays(120);
        assertEquals(Variant.SUMMARY, variant(member, numbers(40, 3, 1, 0, 0)));
        assertEquals(Variant.SUMMARY, variant(member, numbers(40, 3, 0, 1, 1)));
        assertEquals(Variant.SUMMARY, variant(member, numbers(0, 0, 0, 0, 2)), "sales without clicks (a code)");
    }
}

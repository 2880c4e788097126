package dev.refer.core.fakes;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Test data with names that say what they are. */
public final class Fixtures {

    public static final ProgramId PROGRAM = new ProgramId("test");
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Fixtures() {
    }

    /** EUR, 30-day window, 30-day holding, 20 % of sales, 25.00 EUR per qualified lead. */
    public static Program program() {
        return new Program(PROGRAM, Currency.getInstance("EUR"), 30, 30,
                new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR")),
                List.of("example.com"), List.of("https://www.example.com"));
    }

    public static Partner activePartner(String id, String email) {
        return new Partner(new PartnerId(id), "Partner " + email, new EmailAddress(email), null,
                PartnerStatus.ACTIVE, null, NOW.minusSeconds(86_400));
    }
}

package dev.refer.dynamodb;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** Puts the usual test data into a {@link TestTable} through the production adapters. */
public final class Seed {

    private final TestTable table;
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC());

    public Seed(TestTable table) {
        this.table = table;
    }

    /** EUR, 30-day window and holding period, 20 % of sales, 25.00 EUR per qualified lead. */
    public Program program() {
        Program program = new Program(TestTable.PROGRAM_ID, Currency.getInstance("EUR"), 30, 30,
                new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR")),
                List.of("example.com"), List.of("https://www.example.com"));
        new DynamoDbProgramRepository(table.client(), table.config()).save(program);
        return program;
    }

    public Partner activePartner(String email) {
        Partner partner = new Partner(new PartnerId(ids.newId()), "Partner " + email, new EmailAddress(email), null,
                PartnerStatus.ACTIVE, null, Instant.now());
        new DynamoDbPartnerRepository(table.client(), table.config()).create(partner);
        return partner;
    }

    public Link link(Partner partner, String code, boolean enabled) {
        Link link = new Link(new LinkCode(code), partner.id(), URI.create("https://example.com/pricing?plan=pro"),
                "newsletter", enabled, partner.isActive(), Instant.now());
        new DynamoDbLinkRepository(table.client(), table.config()).create(link);
        return link;
    }
}

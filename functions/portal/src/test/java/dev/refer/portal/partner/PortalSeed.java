package dev.refer.portal.partner;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.LinkCode;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayPartner;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.SummarizeRun;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayeeIndex;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.payout.DynamoDbPayoutRuns;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.table.TableKeys;
import dev.refer.table.TableKey;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.web.PortalSession;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One program with two partners as the portal's tests need them, written by the production use cases: links, leads,
 * sales with their commissions (October, paid by November's run; December, still held), and the counter items the
 * stream projection and the click roll-up would have written.
 */
final class PortalSeed {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    final TestTable table;
    final ProgramFixture fixture;
    final Partner anna;
    final Partner bruno;

    PortalSeed(TestTable table) {
        this.table = table;
        this.fixture = new ProgramFixture(table.client(), table.config());
        fixture.program(5_000, Locale.US, "Paid monthly.", "manager@program.example");
        anna = fixture.activePartner("anna@partner.example");
        bruno = fixture.activePartner("bruno@partner.example");
        fixture.link(anna, "anna-news", true);
        fixture.link(bruno, "bruno-news", true);
    }

    static PortalSession session(Partner partner) {
        return new PortalSession(partner.id(), "session-" + partner.id().value(), "csrf-" + partner.id().value());
    }

    Lead lead(Partner partner, String email, String name, Instant at) {
        Lead lead = new Lead(new LeadId(new UlidGenerator(Clock.fixed(at, ZoneOffset.UTC)).newId()),
                new EmailAddress(email), name, "Acme <b>Corp</b>", null, null, LeadStatus.NEW,
                new Attribution(partner.id(), Attribution.Path.CODE, new LinkCode(partner.equals(anna) ? "anna-news"
                        : "bruno-news"), null, "newsletter"), null, at, at, null, null);
        new DynamoDbLeadRepository(table.client(), table.config()).create(lead);
        return lead;
    }

    /** A sale through {@code code} of {@code minor} EUR cents at {@code at} (20 % commission, held 30 days). */
    void sale(String code, String order, long minor, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        var client = table.client();
        var config = table.config();
        var partners = new DynamoDbPartnerRepository(client, config);
        new RecordSale(config.programId(), new DynamoDbProgramRepository(client, config), partners,
                new DynamoDbOrderBook(client, config), new DynamoDbCommissionLedger(client, config),
                new AttributionPolicy(new DynamoDbLinkRepository(client, config), partners), new CommissionPolicy(),
                new UlidGenerator(clock), clock)
                .record(new ConversionCommand("evt-" + order, ConversionKind.SALE, order, Money.of(minor, "EUR"),
                        "cus-" + order, null, at, null, code));
    }

    /** November's run for {@code partner}, as the payout worker makes it on December 1st. */
    String payNovember(Partner partner) {
        Clock december = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);
        var client = table.client();
        var config = table.config();
        var book = new DynamoDbPayoutBook(client, config);
        var runs = new DynamoDbPayoutRuns(client, config);
        var partners = new DynamoDbPartnerRepository(client, config);
        SendOnce mail = new SendOnce(new DynamoDbMailLog(client, config), letter -> "ses-message-1", december);
        new PayPartner(config.programId(), new DynamoDbProgramRepository(client, config), partners, book,
                new DynamoDbPayeeIndex(client, config), runs, mail,
                new SummarizeRun(config.programId(), new DynamoDbProgramRepository(client, config), book, mail),
                december, ZoneOffset.UTC).run(new PayPartner.Command(NOVEMBER,
                PayoutCalendar.periodStart(NOVEMBER, ZoneOffset.UTC), PayoutCalendar.cutoff(NOVEMBER, ZoneOffset.UTC),
                partner.id()));
        return "2026-11-EUR-" + partner.id().value();
    }

    /** A counter item as the stream projection writes it ({@code STATS#ALL} or {@code STATS#{month}}). */
    void stats(PartnerId partner, String sk, Map<String, Long> counters) {
        put(new TableKey(TableKeys.partnerPk(partner.value()), sk), "PARTNER_STATS", counters);
    }

    /** A month's rolled-up clicks: the total and per link, as the click roll-up writes them. */
    void clicks(PartnerId partner, YearMonth month, Map<String, Long> perLink) {
        Map<String, Long> attributes = new HashMap<>();
        perLink.forEach((code, clicks) -> attributes.put(TableKeys.linkClicks(code), clicks));
        attributes.put("clicks", perLink.values().stream().mapToLong(Long::longValue).sum());
        attributes.put("epoch", 7L);
        put(TableKeys.partnerClicks(partner.value(), month, 0), "PARTNER_CLICKS", attributes);
    }

    private void put(TableKey key, String type, Map<String, Long> numbers) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(key.pk()));
        item.put(TableKeys.SK, AttributeValue.fromS(key.sk()));
        item.put(TableKeys.TYPE, AttributeValue.fromS(type));
        numbers.forEach((name, value) -> item.put(name, AttributeValue.fromN(Long.toString(value))));
        table.client().putItem(r -> r.tableName(table.name()).item(item));
    }
}

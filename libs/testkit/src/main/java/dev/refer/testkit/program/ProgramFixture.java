package dev.refer.testkit.program;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seeds one program in a table through the production adapters, as an integration test needs it: the program (EUR,
 * 30-day attribution window and holding period, 20 % of sales with at least 25 EUR, example.com destinations), its
 * partners and links, and their mail settings (opt-outs, suppressed addresses). Each scenario takes a program id of
 * its own in a shared table, so scenarios never see each other's items.
 */
public final class ProgramFixture {

    public static final Currency EUR = Currency.getInstance("EUR");
    /** Where the fixture's links send visitors. */
    public static final URI DESTINATION = URI.create("https://example.com/pricing?plan=pro");
    /** The program's plan: 20 % of sales, 25.00 EUR per qualified lead. */
    public static final CommissionPlan PLAN = new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR"));

    private final DynamoDbClient client;
    private final TableConfig config;
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC());

    public ProgramFixture(DynamoDbClient client, TableConfig config) {
        this.client = client;
        this.config = config;
    }

    public TableConfig config() {
        return config;
    }

    /** The program with the default payout settings (no minimum, en-US statements, no summary). */
    public Program program() {
        return save(PayoutSettings.DEFAULTS);
    }

    /** The program, paid out in EUR above {@code minimumMinor}, statements in {@code locale}, summaries to {@code manager}. */
    public Program program(long minimumMinor, Locale locale, String terms, String manager) {
        return save(new PayoutSettings(Map.of(EUR, minimumMinor), locale, terms, new EmailAddress(manager)));
    }

    private Program save(PayoutSettings payouts) {
        Program program = new Program(config.programId(), EUR, 30, 30, PLAN, List.of("example.com"),
                List.of("https://www.example.com"), Program.DEFAULT_MAX_EVENT_AGE_DAYS, payouts);
        new DynamoDbProgramRepository(client, config).save(program);
        return program;
    }

    /** An active partner "Partner {@code email}" with a new id, joined now. */
    public Partner activePartner(String email) {
        return partner(new PartnerId(ids.newId()), "Partner " + email, email, Instant.now());
    }

    /** An active partner on the program's plan, named {@code name}, who joined at {@code joined}. */
    public Partner partner(PartnerId id, String name, String email, Instant joined) {
        Partner partner = new Partner(id, name, new EmailAddress(email), null, PartnerStatus.ACTIVE, null, joined);
        new DynamoDbPartnerRepository(client, config).create(partner);
        return partner;
    }

    /** An enabled link {@code code} of {@code partner} to {@link #DESTINATION}, campaign "newsletter". */
    public Link link(Partner partner, String code, Instant created) {
        return save(new Link(new LinkCode(code), partner.id(), DESTINATION, "newsletter", true, partner.isActive(),
                created));
    }

    /** A link {@code code} of {@code partner} to {@link #DESTINATION}, created now, enabled or not. */
    public Link link(Partner partner, String code, boolean enabled) {
        return save(new Link(new LinkCode(code), partner.id(), DESTINATION, "newsletter", enabled,
                partner.isActive(), Instant.now()));
    }

    private Link save(Link link) {
        new DynamoDbLinkRepository(client, config).create(link);
        return link;
    }

    /** The partner turned {@code topic} off. */
    public void optOut(PartnerId partner, Topic topic, Instant at) {
        new DynamoDbPreferences(client, config).optOut(partner, topic, at);
    }

    /** SES reported {@code address} (a bounce or a complaint): no more mail to it. */
    public void suppress(String address, Suppression.Reason reason, Instant at, String detail) {
        new DynamoDbSuppressionList(client, config).record(new Suppression(address, reason, at, detail));
    }
}

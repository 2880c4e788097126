package dev.refer.portal.partner;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.link.CreateLink;
import dev.refer.core.program.CachedProgram;
import dev.refer.core.portal.Dashboard;
import dev.refer.core.portal.EditProfile;
import dev.refer.core.portal.PartnerLinks;
import dev.refer.core.portal.PartnerMoney;
import dev.refer.core.portal.PartnerPreferences;
import dev.refer.core.reporting.PartnerQueries;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbCommsSettings;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkCount;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerProfiles;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.stats.DynamoDbDashboardCounters;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.portal.PartnerRoutes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The signed-in partner's route families (dashboard, links, referrals, money, preferences, profile), built once per
 * execution environment from the function's environment: the table's ({@code TABLE_NAME}, {@code PROGRAM_ID}),
 * {@code PUBLIC_BASE_URL} (where short links live) and {@code PAYOUT_TIME_ZONE} (the program's months).
 */
public final class PartnerPortal {

    private PartnerPortal() {
    }

    public static List<PartnerRoutes> routes(Map<String, String> env) {
        TableConfig table = TableConfig.fromEnv(env);
        return routes(DynamoDbClients.create(env), table, Clocks.of(env), env);
    }

    public static List<PartnerRoutes> routes(DynamoDbClient client, TableConfig table, Clock clock,
                                             Map<String, String> env) {
        ZoneId zone = ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"));
        ShortLinks shortLinks = new ShortLinks(env.get("PUBLIC_BASE_URL"));
        // the program's settings (link limit, allowed hosts, minimum payout) change rarely: read once a minute
        var programs = CachedProgram.of(new DynamoDbProgramRepository(client, table), clock);
        var partners = new DynamoDbPartnerRepository(client, table);
        var links = new DynamoDbLinkRepository(client, table);
        var ledger = new DynamoDbCommissionLedger(client, table);
        var counters = new DynamoDbDashboardCounters(client, table);
        var queries = new PartnerQueries(partners, links, new DynamoDbLeadRepository(client, table),
                new DynamoDbOrderBook(client, table), ledger, new DynamoDbStatsRepository(client, table, clock), zone,
                clock);
        var partnerLinks = new PartnerLinks(table.programId(), programs, new CreateLink(table.programId(), programs,
                partners, links, new UlidGenerator(clock), clock), links, new DynamoDbLinkCount(client, table));
        return List.of(
                new DashboardRoutes(new Dashboard(table.programId(), programs, links, counters, clock, zone),
                        shortLinks),
                new LinkRoutes(partnerLinks, links, counters, new DynamoDbCommsSettings(client, table), shortLinks,
                        clock, zone),
                new ReferralRoutes(queries),
                new MoneyRoutes(new PartnerMoney(ledger, new DynamoDbPayoutBook(client, table), clock)),
                new PreferenceRoutes(new PartnerPreferences(new DynamoDbPreferences(client, table), clock)),
                new ProfileRoutes(partners, new EditProfile(new DynamoDbPartnerProfiles(client, table)),
                        new DynamoDbTermsBook(client, table)));
    }
}

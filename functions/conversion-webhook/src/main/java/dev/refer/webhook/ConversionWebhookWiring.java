package dev.refer.webhook;

import dev.refer.core.attribution.Attributor;
import dev.refer.core.conversion.RecordConversion;
import dev.refer.core.ids.UlidGenerator;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.partner.CachedPartnerLookup;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClickRepository;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbLeadRepository;
import dev.refer.dynamodb.DynamoDbLedgerRepository;
import dev.refer.dynamodb.DynamoDbLinkRepository;
import dev.refer.dynamodb.DynamoDbPartnerRepository;
import dev.refer.dynamodb.DynamoDbProgramRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.http.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds the webhook's object graph once per execution environment. */
final class ConversionWebhookWiring {

    private ConversionWebhookWiring() {
    }

    static RecordConversion create(Map<String, String> env) {
        return create(env, DynamoDbClients.create());
    }

    static RecordConversion create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        Clock clock = Clock.systemUTC();
        Duration lookupTtl = Env.secondsOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30);
        return new RecordConversion(table.programId(),
                CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock),
                new CachedPartnerLookup(new DynamoDbPartnerRepository(dynamoDb, table), clock, lookupTtl,
                        CachedPartnerLookup.DEFAULT_MAX_PARTNERS),
                new DynamoDbLeadRepository(dynamoDb, table),
                new Attributor(new DynamoDbClickRepository(dynamoDb, table), new CachedLinkLookup(
                        new DynamoDbLinkRepository(dynamoDb, table), clock,
                        lookupTtl, CachedLinkLookup.DEFAULT_MAX_LINKS)),
                new DynamoDbLedgerRepository(dynamoDb, table), new UlidGenerator(clock), clock);
    }
}

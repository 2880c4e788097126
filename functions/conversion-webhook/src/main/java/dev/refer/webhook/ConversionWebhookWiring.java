package dev.refer.webhook;

import dev.refer.core.attribution.Attributor;
import dev.refer.core.conversion.RecordConversion;
import dev.refer.core.ids.UlidGenerator;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClickRepository;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbLeadRepository;
import dev.refer.dynamodb.DynamoDbLedgerRepository;
import dev.refer.dynamodb.DynamoDbLinkRepository;
import dev.refer.dynamodb.DynamoDbPartnerRepository;
import dev.refer.dynamodb.DynamoDbProgramRepository;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
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
        return new RecordConversion(table.programId(),
                CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock),
                new DynamoDbPartnerRepository(dynamoDb, table), new DynamoDbLeadRepository(dynamoDb, table),
                new Attributor(new DynamoDbClickRepository(dynamoDb, table), new DynamoDbLinkRepository(dynamoDb, table)),
                new DynamoDbLedgerRepository(dynamoDb, table), new UlidGenerator(clock), clock);
    }
}

package dev.refer.webhook;

import dev.refer.core.attribution.Attributor;
import dev.refer.core.conversion.RecordConversion;
import dev.refer.core.ports.LedgerRepository;
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
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds the webhook's object graph once per execution environment. */
record ConversionWebhookWiring(SignatureCheck signatures, RecordConversion recordConversion, LedgerRepository ledger,
                               UlidGenerator ids) {

    static ConversionWebhookWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create());
    }

    static ConversionWebhookWiring create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        SignatureCheck signatures = new SignatureCheck(Env.require(env, "WEBHOOK_SECRET"));
        Clock clock = Clock.systemUTC();
        UlidGenerator ids = new UlidGenerator(clock);
        LedgerRepository ledger = new DynamoDbLedgerRepository(dynamoDb, table);
        Duration lookupTtl = Env.secondsOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30);
        return new ConversionWebhookWiring(signatures, new RecordConversion(table.programId(),
                CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock),
                new CachedPartnerLookup(new DynamoDbPartnerRepository(dynamoDb, table), clock, lookupTtl,
                        CachedPartnerLookup.DEFAULT_MAX_PARTNERS),
                new DynamoDbLeadRepository(dynamoDb, table),
                new Attributor(new DynamoDbClickRepository(dynamoDb, table), new CachedLinkLookup(
                        new DynamoDbLinkRepository(dynamoDb, table), clock,
                        lookupTtl, CachedLinkLookup.DEFAULT_MAX_LINKS)),
                ledger, ids, clock), ledger, ids);
    }

    /**
     * SnapStart: before the snapshot, a delivery with a wrong signature (HMAC), a correctly signed event that fails
     * validation (JSON parsing, the problem answer), and a correctly signed sale whose write DynamoDB refuses
     * ({@link Priming}): reads, attribution, commission and the transaction run, and nothing is written (the
     * refused event id answers as a duplicate). After restore, a new random source for ids.
     */
    SnapStartPriming registerPriming(ConversionWebhookHandler handler) {
        return SnapStartPriming.register(() -> {
            long now = System.currentTimeMillis() / 1000;
            String invalid = "{\"id\":\"snapstart-priming\",\"type\":\"sale\"}";
            String sale = "{\"id\":\"snapstart-priming\",\"type\":\"sale\",\"orderId\":\"snapstart-priming\","
                    + "\"amount\":12345,\"currency\":\"EUR\",\"occurredAt\":\"" + java.time.Instant.ofEpochSecond(now)
                    + "\",\"customer\":{\"externalId\":\"snapstart-priming\",\"email\":\"priming@snapstart.invalid\"},"
                    + "\"ref\":\"snapstart-priming\"}";
            SnapStartPriming.replay(handler, signed(invalid, now, "v1,AAAA"), signed(invalid, now, null));
            Priming.refused(() -> SnapStartPriming.replayRefusedWrite(handler, signed(sale, now, null)));
        }, ids::reseed);
    }

    /** A delivery of {@code body}, signed with our own secret unless a signature is given. */
    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent signed(String body, long now,
                                                                                      String signature) {
        return SnapStartPriming.httpEvent("POST /webhooks/conversions", "/webhooks/conversions", Map.of(), Map.of(
                "content-type", "application/json", "webhook-id", "msg_priming",
                "webhook-timestamp", Long.toString(now),
                "webhook-signature", signature != null ? signature : signatures.sign("msg_priming", now, body)), body);
    }
}

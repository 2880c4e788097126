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
     * validation (JSON parsing, the problem answer) and a lookup of an event id that does not exist (the SDK's first
     * GetItem): nothing is written. After restore, a new random source for ids.
     */
    SnapStartPriming registerPriming(ConversionWebhookHandler handler) {
        return SnapStartPriming.register(() -> {
            String body = "{\"id\":\"snapstart-priming\",\"type\":\"sale\"}";
            long now = System.currentTimeMillis() / 1000;
            SnapStartPriming.replay(handler,
                    SnapStartPriming.httpEvent("POST /webhooks/conversions", "/webhooks/conversions", Map.of(), Map.of(
                            "content-type", "application/json", "webhook-id", "msg_priming",
                            "webhook-timestamp", Long.toString(now), "webhook-signature", "v1,AAAA"), body),
                    SnapStartPriming.httpEvent("POST /webhooks/conversions", "/webhooks/conversions", Map.of(), Map.of(
                            "content-type", "application/json", "webhook-id", "msg_priming",
                            "webhook-timestamp", Long.toString(now),
                            "webhook-signature", signatures.sign("msg_priming", now, body)), body));
            ledger.findByEvent("snapstart-priming");
        }, ids::reseed);
    }
}

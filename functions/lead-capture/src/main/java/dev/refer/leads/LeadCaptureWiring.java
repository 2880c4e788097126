package dev.refer.leads;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.deal.CachedDealClaims;
import dev.refer.core.lead.CaptureLead;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.partner.CachedPartnerLookup;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.deal.DynamoDbDealRegistry;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.link.DynamoDbClickRepository;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.core.basics.time.Clocks;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** Builds the lead capture's object graph once per execution environment. */
public record LeadCaptureWiring(CaptureLead captureLead, UlidGenerator ids) {

    static LeadCaptureWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env));
    }

    static LeadCaptureWiring create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        Clock clock = Clocks.of(env);
        UlidGenerator ids = new UlidGenerator(clock);
        java.time.Duration lookupTtl = Env.secondsOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30);
        AttributionPolicy attribution = new AttributionPolicy(
                new CachedLinkLookup(new DynamoDbLinkRepository(dynamoDb, table), clock, lookupTtl,
                        CachedLinkLookup.DEFAULT_MAX_LINKS),
                new CachedPartnerLookup(new DynamoDbPartnerRepository(dynamoDb, table), clock, lookupTtl,
                        CachedPartnerLookup.DEFAULT_MAX_PARTNERS),
                // an approved deal registration of the email's domain: one cached GetItem, none for free mail
                new CachedDealClaims(new DynamoDbDealRegistry(dynamoDb,
                        table), clock, lookupTtl, CachedDealClaims.DEFAULT_MAX_DOMAINS));
        return new LeadCaptureWiring(new CaptureLead(table.programId(),
                CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock),
                new DynamoDbClickRepository(dynamoDb, table), attribution,
                new DynamoDbLeadRepository(dynamoDb, table), ids, clock,
                java.time.Duration.ofDays(Env.intOr(env, "ORGANIC_LEAD_RETENTION_DAYS", 90))), ids);
    }

    /** The production wiring on a given client: benchmarks compare the handler with raw calls on that client. */
    public static LeadCaptureHandler handler(Map<String, String> env, DynamoDbClient dynamoDb) {
        return new LeadCaptureHandler(create(env, dynamoDb));
    }

    /**
     * SnapStart: before the snapshot, a CORS preflight (reads the program), a post the honeypot refuses (body
     * parsing, validation, the problem answer) and a valid lead post whose write DynamoDB refuses
     * ({@link Priming}): the whole capture path runs and nothing is written. After restore, a new random source
     * for lead ids.
     */
    SnapStartPriming registerPriming(LeadCaptureHandler handler) {
        Map<String, String> json = Map.of("content-type", "application/json");
        return SnapStartPriming.register(() -> {
            SnapStartPriming.replay(handler,
                    SnapStartPriming.httpEvent("OPTIONS /leads", "/leads", Map.of(),
                            Map.of("origin", "https://snapstart.invalid"), null),
                    SnapStartPriming.httpEvent("POST /leads", "/leads", Map.of(), json,
                            "{\"email\":\"priming@snapstart.invalid\",\"ref\":\"snapstart-priming\",\"website_url\":\"x\"}"));
            Priming.refused(() -> SnapStartPriming.replayRefusedWrite(handler,
                    SnapStartPriming.httpEvent("POST /leads", "/leads", Map.of(), json,
                            "{\"email\":\"priming@snapstart.invalid\",\"name\":\"Priming\",\"ref\":\"snapstart-priming\"}")));
        }, ids::reseed);
    }
}

package dev.refer.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.refer.aws.AwsClients;
import dev.refer.aws.SigningSecrets;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.deal.DealClaims;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.conversion.RecordRefund;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.partner.CachedPartnerLookup;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.core.basics.time.Clocks;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the webhook's object graph once per execution environment. */
public record ConversionWebhookWiring(SigningSecrets<SignatureCheck> secrets, RecordSale recordSale, RecordRefund recordRefund,
                               UlidGenerator ids) {

    static ConversionWebhookWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env));
    }

    static ConversionWebhookWiring create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        Clock clock = Clocks.of(env);
        SigningSecrets<SignatureCheck> secrets = new SigningSecrets<>(AwsClients.build(SecretsManagerClient.builder(),
                env, "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of()), Env.require(env, "WEBHOOK_SECRET_ID"), clock,
                SignatureCheck::new);
        UlidGenerator ids = new UlidGenerator(clock);
        OrderBook orders = new DynamoDbOrderBook(dynamoDb, table);
        Duration lookupTtl = Env.secondsOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30);
        CachedPartnerLookup partners = new CachedPartnerLookup(new DynamoDbPartnerRepository(dynamoDb, table), clock,
                lookupTtl, CachedPartnerLookup.DEFAULT_MAX_PARTNERS);
        AttributionPolicy attribution = new AttributionPolicy(new CachedLinkLookup(
                new DynamoDbLinkRepository(dynamoDb, table), clock, lookupTtl, CachedLinkLookup.DEFAULT_MAX_LINKS),
                partners,
                // an approved deal registration of the customer email's domain is read with the sale's evidence
                // (RecordSale, one BatchGetItem), never on its own
                DealClaims.NONE);
        CachedProgram programs = CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock);
        CommissionPolicy commissions = new CommissionPolicy();
        CommissionLedger ledger = new DynamoDbCommissionLedger(dynamoDb, table);
        return new ConversionWebhookWiring(secrets,
                new RecordSale(table.programId(), programs, partners, orders, ledger, attribution, commissions, ids,
                        clock),
                new RecordRefund(table.programId(), programs, orders, ledger, commissions, ids, clock), ids);
    }

    /** The production wiring on a given client: benchmarks and fault tests compare the handler with raw calls. */
    public static ConversionWebhookHandler handler(Map<String, String> env, DynamoDbClient dynamoDb) {
        return new ConversionWebhookHandler(create(env, dynamoDb));
    }

    /**
     * SnapStart: before the snapshot, a delivery with a wrong signature (HMAC), a correctly signed event that fails
     * validation (JSON parsing, the problem answer), and a correctly signed sale whose write DynamoDB refuses
     * ({@link Priming}): evidence, attribution, commission and the transaction run, and nothing is written (the
     * refused event id answers as a duplicate). After restore, the signing secrets are read again (the snapshot may
     * predate a rotation) and a new random source is made for ids.
     */
    /** The signature check of the secrets of now (re-read every few minutes), for the handler. */
    java.util.function.Supplier<SignatureCheck> signatures() {
        return secrets::check;
    }

    SnapStartPriming registerPriming(ConversionWebhookHandler handler) {
        return SnapStartPriming.register(() -> {
            long now = System.currentTimeMillis() / 1000;
            String invalid = "{\"id\":\"snapstart-priming\",\"type\":\"sale\"}";
            String sale = "{\"id\":\"snapstart-priming\",\"type\":\"sale\",\"orderId\":\"snapstart-priming\","
                    + "\"amount\":12345,\"currency\":\"EUR\",\"occurredAt\":\"" + Instant.ofEpochSecond(now)
                    + "\",\"customer\":{\"externalId\":\"snapstart-priming\",\"email\":\"priming@snapstart.invalid\"},"
                    + "\"ref\":\"" + Priming.LINK_CODE + "\"}";
            SnapStartPriming.replay(handler, signed(invalid, now, "v1,AAAA"), signed(invalid, now, null));
            Priming.refused(() -> SnapStartPriming.replayRefusedWrite(handler, signed(sale, now, null)));
        }, () -> {
            secrets.reload();
            ids.reseed();
        });
    }

    /** A delivery of {@code body}, signed with our own secret unless a signature is given. */
    private APIGatewayV2HTTPEvent signed(String body, long now, String signature) {
        return SnapStartPriming.httpEvent("POST /webhooks/conversions", "/webhooks/conversions", Map.of(), Map.of(
                "content-type", "application/json", "webhook-id", "msg_priming",
                "webhook-timestamp", Long.toString(now),
                "webhook-signature", signature != null ? signature : secrets.check().sign("msg_priming", now, body)),
                body);
    }
}

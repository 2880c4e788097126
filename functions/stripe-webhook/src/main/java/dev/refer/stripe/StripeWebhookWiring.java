package dev.refer.stripe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.refer.aws.AwsClients;
import dev.refer.aws.SigningSecrets;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.conversion.AwaitCheckout;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.conversion.RecordRefund;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.coupon.CachedPromotionCodes;
import dev.refer.core.deal.DealClaims;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.partner.CachedPartnerLookup;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.coupon.DynamoDbPromotionCodes;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the Stripe webhook's object graph once per execution environment: the conversion webhook's use cases and
 * adapters (one ledger, one set of rules), Stripe's signing secret, and the promotion codes tied to referral codes.
 */
public record StripeWebhookWiring(SigningSecrets<StripeSignature> secrets, RecordSale recordSale, AwaitCheckout awaitCheckout,
                                  RecordRefund recordRefund, UlidGenerator ids, Clock clock) {

    static StripeWebhookWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env));
    }

    static StripeWebhookWiring create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        Clock clock = Clocks.of(env);
        // rolling it: "Roll secret" in Stripe's dashboard (Stripe signs with both for the overlap you choose), put the
        // new value as a new version of the secret; once the overlap ended, remove the AWSPREVIOUS stage
        SigningSecrets<StripeSignature> secrets = new SigningSecrets<>(AwsClients.build(
                SecretsManagerClient.builder(), env, "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of()),
                Env.require(env, "STRIPE_WEBHOOK_SECRET_ID"), clock, valid -> new StripeSignature(valid, clock));
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
                DealClaims.NONE,
                // a partner's coupon: one cached GetItem, only for a payment that names a promotion code
                new CachedPromotionCodes(new DynamoDbPromotionCodes(dynamoDb, table), clock, lookupTtl,
                        CachedPromotionCodes.DEFAULT_MAX_CODES));
        CachedProgram programs = CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock);
        CommissionPolicy commissions = new CommissionPolicy();
        CommissionLedger ledger = new DynamoDbCommissionLedger(dynamoDb, table);
        RecordSale recordSale = new RecordSale(table.programId(), programs, partners, orders, ledger, attribution,
                commissions, ids, clock);
        return new StripeWebhookWiring(secrets, recordSale, new AwaitCheckout(recordSale, orders, clock),
                new RecordRefund(table.programId(), programs, orders, ledger, commissions, ids, clock), ids, clock);
    }

    /** The production wiring on a given client: benchmarks and tests compare the handler with raw calls. */
    public static StripeWebhookHandler handler(Map<String, String> env, DynamoDbClient dynamoDb) {
        return new StripeWebhookHandler(create(env, dynamoDb));
    }

    /**
     * SnapStart: before the snapshot, a delivery with a wrong signature, a correctly signed event Stripe sends but
     * the program ignores (JSON parsing), a signed one that fails validation (the problem answer), and a correctly
     * signed paid checkout session whose write DynamoDB refuses ({@link Priming}): evidence, attribution, commission
     * and the transaction run, and nothing is written. After restore, the signing secrets are read again (the
     * snapshot may predate a roll) and a new random source is made for ids.
     */
    /** The signature check of the secrets of now (re-read every few minutes), for the handler. */
    java.util.function.Supplier<StripeSignature> signatures() {
        return secrets::check;
    }

    SnapStartPriming registerPriming(StripeWebhookHandler handler) {
        return SnapStartPriming.register(() -> {
            long now = clock.millis() / 1000;
            String ignored = "{\"id\":\"evt_priming\",\"type\":\"customer.created\",\"created\":" + now
                    + ",\"data\":{\"object\":{\"id\":\"cus_priming\"}}}";
            String invalid = "{\"id\":\"evt_priming\",\"type\":\"charge.refunded\",\"created\":" + now
                    + ",\"data\":{\"object\":{\"id\":\"ch_priming\"}}}";
            String sale = "{\"id\":\"evt_priming\",\"type\":\"checkout.session.completed\",\"created\":" + now
                    + ",\"data\":{\"object\":{\"id\":\"cs_snapstart-priming\",\"object\":\"checkout.session\","
                    + "\"mode\":\"payment\",\"payment_status\":\"paid\",\"amount_total\":12345,\"currency\":\"eur\","
                    + "\"payment_intent\":\"pi_snapstart-priming\",\"customer\":\"cus_snapstart-priming\","
                    + "\"customer_details\":{\"email\":\"priming@snapstart.invalid\"},"
                    + "\"client_reference_id\":\"" + Priming.LINK_CODE + "\","
                    + "\"discounts\":[{\"promotion_code\":\"promo_snapstart-priming\"}]}}}";
            SnapStartPriming.replay(handler, signed(ignored, now, "t=" + now + ",v1=" + "0".repeat(64)),
                    signed(ignored, now, null), signed(invalid, now, null));
            Priming.refused(() -> SnapStartPriming.replayRefusedWrite(handler, signed(sale, now, null)));
        }, () -> {
            secrets.reload();
            ids.reseed();
        });
    }

    /** A delivery of {@code body}, signed with our own secret unless a signature header is given. */
    private APIGatewayV2HTTPEvent signed(String body, long now, String signature) {
        return SnapStartPriming.httpEvent("POST /webhooks/stripe", "/webhooks/stripe", Map.of(), Map.of(
                "content-type", "application/json; charset=utf-8",
                "stripe-signature", signature != null ? signature : secrets.check().header(now, body)), body);
    }
}

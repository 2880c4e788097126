package dev.refer.webhook;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.secrets.SecretsInMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.refer.webhook.SignedDelivery.ago;
import static dev.refer.webhook.SignedDelivery.refund;
import static dev.refer.webhook.SignedDelivery.sale;
import static dev.refer.webhook.SignedDelivery.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversion webhook with each DynamoDB call of a day's deliveries failing in turn, once before the request
 * leaves and once after DynamoDB acted on it (its answer lost), each delivery retried by the billing system until it
 * is answered 2xx: the ledger, the orders, the customers and the conversions end as after a clean run. Written against
 * the webhook's public behaviour (signed deliveries in, stored state out), whatever the use cases decide.
 */
class WebhookFaultsTest {

    /** Generated ids (ULIDs) and times differ from run to run; the state is compared without them. */
    private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
    /** An organic listing's shard is a hash of the (generated) conversion id. */
    private static final Pattern SHARD = Pattern.compile("(ORGANIC_[A-Z]+)#\\d+");
    private static final Set<String> STATE = Set.of("CONVERSION", "ORDER", "CUSTOMER", "COMMISSION", "LEAD",
            "LEAD_EMAIL", "PAYEE");

    private static SecretsInMoto secrets;
    private static String secretName;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
        secrets = new SecretsInMoto("WEBHOOK_SECRET_ID");
        secretName = secrets.create(SignedDelivery.SECRET);
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    /** A day of the billing system: an attributed sale, its partial refund, a renewal, an organic sale and its refund. */
    private static List<String> deliveries() {
        return List.of(
                sale("evt_1", "inv_1", 12_345, "ada@acme.example").replace("}}", "},\"ref\":\"anna-news\"}"),
                refund("evt_2", "inv_1", 2_500),
                """
                        {"id":"evt_3","type":"renewal","orderId":"inv_3","amount":10000,"currency":"EUR",
                         "occurredAt":"%s","customer":{"externalId":"cus_inv_1","email":"ada@acme.example"}}"""
                        .formatted(ago(Duration.ofMinutes(30))),
                sale("evt_4", "inv_2", 5_000, "bob@example.org"),
                refund("evt_5", "inv_2", 5_000));
    }

    private static final class Scenario {
        final TestTable table = TestTable.create();

        Scenario() {
            ProgramFixture seed = new ProgramFixture(table.client(), table.config());
            seed.program();
            Partner anna = seed.activePartner("anna@partner.example");
            seed.link(anna, "anna-news", true);
        }

        /** Every delivery, each retried (as a billing system does) until it is answered 2xx. */
        void deliver(List<ExecutionInterceptor> faults) {
            Map<String, String> env = new HashMap<>(table.environment());
            env.putAll(secrets.environment(secretName));
            ConversionWebhookHandler handler = ConversionWebhookWiring.handler(env,
                    DynamoDbClients.create(faults));
            for (String body : deliveries()) {
                for (int attempt = 1; ; attempt++) {
                    int status;
                    try {
                        ApiResponse response = signed(body).invoke(handler);
                        status = response.status();
                    } catch (RuntimeException e) {
                        status = 500; // the function failed: API Gateway answers 5xx
                    }
                    if (status / 100 == 2) {
                        break;
                    }
                    assertTrue(attempt < 5, "a delivery kept failing: " + status);
                }
            }
        }

        /** The stored state, each item as text without generated ids and times, in a stable order. */
        List<String> state() {
            List<String> items = new ArrayList<>();
            for (Map<String, AttributeValue> item : table.items()) {
                AttributeValue type = item.get("type");
                if (type != null && STATE.contains(type.s())) {
                    Map<String, String> attributes = new TreeMap<>();
                    item.forEach((name, value) -> attributes.put(name, stable(value.toString())));
                    items.add(attributes.toString());
                }
            }
            items.sort(null);
            return items;
        }

        private static String stable(String text) {
            String stable = INSTANT.matcher(ULID.matcher(text).replaceAll("<id>")).replaceAll("<time>");
            return SHARD.matcher(stable).replaceAll("$1#<shard>");
        }
    }

    @Test
    void eachCallFailingBeforeOrAfterDynamoDbActed_thenRedelivered_endsAsACleanRun() {
        Scenario clean = new Scenario();
        FaultInjector counting = FaultInjector.counting();
        clean.deliver(List.of(counting));
        int calls = counting.calls.get();
        List<String> expected = clean.state();
        assertTrue(expected.stream().filter(item -> item.contains("type=AttributeValue(S=COMMISSION)")).count() >= 3,
                "the clean run earned and reversed commissions: " + expected);

        int fired = 0;
        for (int call = 1; call <= calls; call++) {
            for (FaultInjector.When when : FaultInjector.When.values()) {
                Scenario faulty = new Scenario();
                FaultInjector fault = FaultInjector.at(call, when);
                faulty.deliver(List.of(fault));
                assertEquals(expected, faulty.state(), "call " + call + " failing " + when);
                fired += fault.fired ? 1 : 0;
            }
        }
        assertTrue(fired >= calls, "faults fired at " + fired + " points of " + calls + " calls");
    }
}

package dev.refer.counters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counters function with each DynamoDB call of a stream batch failing in turn, once before the request leaves
 * and once after DynamoDB acted on it, the batch then redelivered as Lambda does (from the record the function
 * reported; a function error bisects the batch): the counters, the clicks per link and the payee index end as after
 * a clean run. And the invocation dying after each call (a timeout after chunks were committed): Lambda bisects the
 * batch and retries its halves, which start inside what was counted.
 */
class CountersFaultsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    /** What the counters say after the batch: each partner's counters, clicks per link, and who is a payee. */
    private record Outcome(Map<String, Object> anna, Map<String, Object> bob, long payees) {
    }

    private final class Scenario {
        final TestTable table = TestTable.create();
        final Partner anna;
        final Partner bob;

        Scenario() {
            ProgramFixture seed = new ProgramFixture(table.client(), table.config());
            anna = seed.activePartner("anna@partner.example");
            bob = seed.activePartner("bob@partner.example");
        }

        /** The batch: the fixture's clicks and lead (stored, then qualified) of Anna, clicks and a sale of Bob. */
        List<JsonNode> records() throws IOException {
            String fixture;
            try (var in = getClass().getClassLoader().getResourceAsStream("events/dynamodb-stream-counters.json")) {
                fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("PARTNER_ID", anna.id().value());
            }
            List<JsonNode> records = new ArrayList<>();
            JSON.readTree(fixture).path("Records").forEach(records::add);
            long sequence = 111_500_000_000_012_345L;
            for (int i = 0; i < 7; i++) {
                records.add(record(++sequence, "INSERT", """
                        {"pk":{"S":"CLICK#C%d"},"sk":{"S":"CLICK"},"type":{"S":"CLICK"},"code":{"S":"%s"},
                         "partnerId":{"S":"%s"},"at":{"S":"2026-11-24T10:0%d:00Z"}}"""
                        .formatted(i, i % 3 == 0 ? "bob-blog" : "bob-news", bob.id().value(), i)));
            }
            records.add(record(++sequence, "INSERT", """
                    {"pk":{"S":"PARTNER#%1$s"},"sk":{"S":"COMMISSION#01JDC0MM1SS10N000000000001"},
                     "type":{"S":"COMMISSION"},"commissionId":{"S":"01JDC0MM1SS10N000000000001"},"partnerId":{"S":"%1$s"},"kind":{"S":"SALE"},
                     "status":{"S":"PENDING"},"amount":{"N":"2000"},"currency":{"S":"EUR"},"rule":{"S":"20%%"},
                     "source":{"S":"evt_1"},"orderId":{"S":"inv_1"},"earnedAt":{"S":"2026-11-24T11:00:00Z"},
                     "payableOn":{"S":"2026-12-24T11:00:00Z"}}""".formatted(bob.id().value())));
            return records;
        }

        private JsonNode record(long sequence, String eventName, String image) throws IOException {
            ObjectNode record = JSON.createObjectNode();
            record.put("eventID", Long.toHexString(sequence));
            record.put("eventName", eventName);
            record.put("eventVersion", "1.1");
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", "eu-west-1");
            ObjectNode dynamodb = record.putObject("dynamodb");
            JsonNode newImage = JSON.readTree(image);
            dynamodb.set("Keys", JSON.createObjectNode().setAll(Map.of("pk", newImage.get("pk"), "sk",
                    newImage.get("sk"))));
            dynamodb.set("NewImage", newImage);
            dynamodb.put("SequenceNumber", Long.toString(sequence) + "0000000");
            dynamodb.put("SizeBytes", 200);
            dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            record.put("eventSourceARN",
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/refer-ReferralTable/stream/2026-11-20T08:00:00.000");
            return record;
        }

        /** Lambda's event source mapping: resume at the reported record; on a function error, bisect. */
        void deliver(List<ExecutionInterceptor> faults) throws IOException {
            CountersHandler handler = CountersWiring.handler(table.environment(), DynamoDbClients.create(faults));
            Deque<List<JsonNode>> batches = new ArrayDeque<>();
            batches.push(records());
            for (int invocation = 0; !batches.isEmpty(); invocation++) {
                assertTrue(invocation < 50, "the batch never went through");
                List<JsonNode> batch = batches.pop();
                ObjectNode event = JSON.createObjectNode();
                ArrayNode array = event.putArray("Records");
                batch.forEach(array::add);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
                } catch (RuntimeException | InvocationDied e) {
                    if (batch.size() > 1) {
                        batches.push(batch.subList(batch.size() / 2, batch.size()));
                        batches.push(batch.subList(0, batch.size() / 2));
                    } else {
                        batches.push(batch);
                    }
                    continue;
                }
                JsonNode failures = JSON.readTree(out.toByteArray()).path("batchItemFailures");
                if (!failures.isEmpty()) {
                    String from = failures.get(0).path("itemIdentifier").asText();
                    int at = 0;
                    while (!batch.get(at).path("dynamodb").path("SequenceNumber").asText().equals(from)) {
                        at++;
                    }
                    batches.push(batch.subList(at, batch.size()));
                }
            }
        }

        Outcome outcome() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ClickRollupHandler(table.environment()).handleRequest(new ByteArrayInputStream(
                    "{}".getBytes(StandardCharsets.UTF_8)), out, null);
            var stats = new DynamoDbStatsRepository(table.client(), table.config());
            return new Outcome(of(stats, anna), of(stats, bob), table.count("PAYEE"));
        }

        private Map<String, Object> of(DynamoDbStatsRepository stats, Partner partner) {
            var counted = stats.partnerStats(partner.id(), NOVEMBER, NOVEMBER);
            Map<String, Object> all = new TreeMap<>();
            all.put("allTime", new TreeMap<>(counted.allTime()));
            all.put("month", new TreeMap<>(counted.month()));
            all.put("links", new TreeMap<>(stats.linkClicks(partner.id(), NOVEMBER)));
            return all;
        }
    }

    @Test
    void eachCallFailingBeforeOrAfterDynamoDbActed_thenRedelivered_endsAsACleanRun() throws IOException {
        Scenario clean = new Scenario();
        FaultInjector counting = FaultInjector.counting();
        clean.deliver(List.of(counting));
        int calls = counting.calls.get();
        Outcome expected = clean.outcome();
        assertEquals(2L, ((Map<?, ?>) expected.anna().get("allTime")).get("clicks"), "the fixture's clicks");
        assertEquals(1L, ((Map<?, ?>) expected.anna().get("allTime")).get("leads"), "and its lead");
        assertEquals(Map.of("bob-blog", 3L, "bob-news", 4L), expected.bob().get("links"));
        assertEquals(1L, expected.payees(), "Bob's pending sale lists him");

        int faults = 0;
        for (int call = 1; call <= calls; call++) {
            for (FaultInjector.When when : FaultInjector.When.values()) {
                Scenario faulty = new Scenario();
                FaultInjector fault = FaultInjector.at(call, when);
                faulty.deliver(List.of(fault));
                Outcome outcome = faulty.outcome();
                assertEquals(expected, outcome, "call " + call + " failing " + when);
                faults += fault.fired ? 1 : 0;
            }
        }
        assertTrue(faults >= calls, "faults fired at " + faults + " points of " + calls + " calls");

        for (int call = 1; call <= calls; call++) {
            Scenario faulty = new Scenario();
            faulty.deliver(List.of(new Dies(call)));
            assertEquals(expected, faulty.outcome(), "the invocation dying after call " + call);
        }
    }

    /** The invocation ends with the call (a timeout, a crash): a function error, which makes Lambda bisect. */
    private static final class InvocationDied extends Error {
        InvocationDied(int call) {
            super("the invocation died after call " + call);
        }
    }

    /** Lets DynamoDB act on the Nth call, then ends the invocation, once. */
    private static final class Dies implements ExecutionInterceptor {
        private final int at;
        private int calls;

        Dies(int at) {
            this.at = at;
        }

        @Override
        public software.amazon.awssdk.http.SdkHttpResponse modifyHttpResponse(
                software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            if (++calls == at) {
                throw new InvocationDied(at);
            }
            return context.httpResponse();
        }
    }
}

package dev.refer.portal.partner;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.table.TableKeys;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard reads the same few items whatever the partner's history: a partner with 10,000 leads, a million clicks
 * over two years and twenty links costs the same requests as one who joined today, and a handful of read units.
 * Every request of the dashboard's client is counted (and asked for its consumed capacity) by an interceptor.
 */
class DashboardReadsTest {

    /** Counts requests by operation and sums the read capacity DynamoDB reports for them. */
    static final class Meter implements ExecutionInterceptor {
        // the dashboard sends its counters and click roll-ups requests together, so requests finish in either order
        private final List<String> operations = new ArrayList<>();
        private double readUnits;

        /** The operations seen since the last reset, sorted: which requests and how many, not their order. */
        synchronized List<String> operations() {
            return operations.stream().sorted().toList();
        }

        synchronized double readUnits() {
            return readUnits;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            return switch (request) {
                case QueryRequest q -> q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case GetItemRequest g -> g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case BatchGetItemRequest b ->
                        b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                default -> request;
            };
        }

        @Override
        public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            operations.add(context.request().getClass().getSimpleName().replace("Request", ""));
            switch (context.response()) {
                case QueryResponse q -> add(q.consumedCapacity());
                case GetItemResponse g -> add(g.consumedCapacity());
                case BatchGetItemResponse b -> b.consumedCapacity().forEach(this::add);
                default -> {
                }
            }
        }

        private void add(ConsumedCapacity capacity) {
            if (capacity != null && capacity.capacityUnits() != null) {
                readUnits += capacity.capacityUnits();
            }
        }

        synchronized void reset() {
            operations.clear();
            readUnits = 0;
        }
    }

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @Test
    void aPartnerWithALongHistory_readsTheSameFewItemsAsANewOne() {
        TestTable table = TestTable.create();
        PortalSeed seed = new PortalSeed(table);
        Partner veteran = seed.anna;
        Partner newcomer = seed.fixture.activePartner("new@partner.example");
        for (int i = 0; i < 19; i++) {
            seed.fixture.link(veteran, "anna-" + i, true);
        }
        // two years of rolled-up clicks over 20 links: a million in all
        YearMonth month = YearMonth.of(2025, 1);
        long total = 0;
        for (int m = 0; m < 24; m++, month = month.plusMonths(1)) {
            Map<String, Long> perLink = new HashMap<>();
            for (int i = 0; i < 19; i++) {
                perLink.put("anna-" + i, 2_000L);
            }
            perLink.put("anna-news", 1_000_000L / 24 - 38_000L + (m == 23 ? 1_000_000L % 24 : 0));
            seed.clicks(veteran.id(), month, perLink);
            total += perLink.values().stream().mapToLong(Long::longValue).sum();
        }
        assertEquals(1_000_000L, total);
        seed.stats(veteran.id(), "STATS#ALL", Map.of("leads", 10_000L, "leadsQualified", 4_000L, "sales", 900L,
                "revenue.EUR", 90_000_000L, "commissionEarned.EUR", 18_000_000L,
                "commissionStatus.PENDING.EUR", 300_000L, "commissionStatus.PAID.EUR", 17_700_000L));
        seed.stats(veteran.id(), "STATS#2026-12", Map.of("leads", 400L, "sales", 30L));
        writeLeads(table, veteran, 10_000);

        Meter meter = new Meter();
        DynamoDbClient metered = DynamoDbClients.create(List.of(meter));

        // each a fresh execution environment, so the program's one-minute cache is empty for both
        ApiResponse fresh = app(metered, table).as(PortalSeed.session(newcomer)).get("GET /portal/api/dashboard",
                "/portal/api/dashboard", Map.of());
        assertEquals(200, fresh.status(), fresh.body());
        List<String> newcomerReads = meter.operations();

        meter.reset();
        PortalApp app = app(metered, table);
        ApiResponse veteranDashboard = app.as(PortalSeed.session(veteran)).get("GET /portal/api/dashboard",
                "/portal/api/dashboard", Map.of());
        assertEquals(200, veteranDashboard.status(), veteranDashboard.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> allTime = (Map<String, Object>) veteranDashboard.jsonBody().get("allTime");
        assertEquals(1_000_000, allTime.get("clicks"));
        assertEquals(10_000, allTime.get("leads"));

        assertEquals(newcomerReads, meter.operations(), "the same requests, whatever the history");
        assertEquals(List.of("BatchGetItem", "GetItem", "Query", "Query"), meter.operations(),
                "the counters (one BatchGetItem), the click roll-ups (one Query), the program (one GetItem), the links"
                        + " (one Query)");
        assertTrue(meter.readUnits() > 0 && meter.readUnits() <= 8,
                "a handful of read units, not thousands: " + meter.readUnits());

        meter.reset();
        assertEquals(200, app.get("GET /portal", "/portal", Map.of()).status());
        assertEquals(List.of("BatchGetItem", "Query", "Query"), meter.operations(),
                "the page reads what its JSON twin reads, the program now from the environment's cache");
    }

    private static PortalApp app(DynamoDbClient client, TestTable table) {
        return new PortalApp(PartnerPortal.routes(client, table.config(), PortalSeed.CLOCK, table.environment()));
    }

    /** The partner's leads as items of the table (in its GSI1 listing): the dashboard must read none of them. */
    private static void writeLeads(TestTable table, Partner partner, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("01JLEAD%019d", i);
            Map<String, AttributeValue> item = Map.of(
                    TableKeys.PK, AttributeValue.fromS("LEAD#" + id), TableKeys.SK, AttributeValue.fromS("LEAD"),
                    TableKeys.TYPE, AttributeValue.fromS("LEAD"),
                    TableKeys.GSI1PK, AttributeValue.fromS(TableKeys.leadsOf(partner.id().value())),
                    TableKeys.GSI1SK, AttributeValue.fromS(id));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                var response = table.client().batchWriteItem(r -> r.requestItems(Map.of(table.name(), requests)));
                assertTrue(response.unprocessedItems().isEmpty());
                batch.clear();
            }
        }
    }
}

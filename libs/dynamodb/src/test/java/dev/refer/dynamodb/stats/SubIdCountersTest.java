package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsRepository.ClickCount;
import dev.refer.core.stats.StatsRepository.Projected;
import dev.refer.core.stats.StatsRepository.SubIdRow;
import dev.refer.core.stats.SubIdCount;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.table.ItemType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The funnel per sub-id value, kept by the stream's counters on DynamoDB Local: exactly once, bounded per link. */
class SubIdCountersTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbStatsRepository stats =
            new DynamoDbStatsRepository(table.client(), table.config(), fixtures.clock());
    private final PartnerId partner = fixtures.partnerId();
    private int sequence;

    private Projected click(String code, Map<String, String> subIds) {
        List<SubIdCount> counts = new ArrayList<>();
        subIds.forEach((name, value) -> counts.add(new SubIdCount(partner, MAY, code, name, value,
                SubIdCount.CLICKS, 1)));
        return new Projected(seq(), List.of(), new ClickCount(partner, code, MAY), null, counts);
    }

    private Projected fact(String metric, String code, String name, String value, long delta) {
        return new Projected(seq(), List.of(), null, null,
                List.of(new SubIdCount(partner, MAY, code, name, value, metric, delta)));
    }

    private String seq() {
        return String.format("%021d", ++sequence);
    }

    @Test
    void clicksLeadsAndSales_areCountedPerLinkParameterAndValue_mostClicksFirst() {
        List<Projected> batch = List.of(
                click("ada-news", Map.of("sub1", "spring", "sub2", "mail")),
                click("ada-news", Map.of("sub1", "spring")),
                click("ada-news", Map.of("sub1", "autumn")),
                click("ada-blog", Map.of("sub1", "spring")),
                fact(SubIdCount.LEADS, "ada-news", "sub1", "spring", 1),
                fact(SubIdCount.SALES, "ada-news", "sub1", "spring", 1));
        assertEquals(6, stats.apply("shard-1", batch).appliedRecords());

        assertEquals(List.of(
                new SubIdRow("ada-news", "sub1", "spring", 2, 1, 1),
                new SubIdRow("ada-blog", "sub1", "spring", 1, 0, 0),
                new SubIdRow("ada-news", "sub1", "autumn", 1, 0, 0),
                new SubIdRow("ada-news", "sub2", "mail", 1, 0, 0)), stats.subIdFunnel(partner, MAY));
        assertEquals(List.of(), stats.subIdFunnel(partner, MAY.minusMonths(1)));
        assertEquals(List.of(), stats.subIdFunnel(fixtures.partnerId(), MAY), "another partner's: none");
    }

    @Test
    void aRedeliveredBatch_countsNothingTwice() {
        List<Projected> batch = List.of(click("ada-news", Map.of("sub1", "spring")),
                fact(SubIdCount.LEADS, "ada-news", "sub1", "spring", 1));
        stats.apply("shard-1", batch);
        assertEquals(0, stats.apply("shard-1", batch).appliedRecords());
        assertEquals(List.of(new SubIdRow("ada-news", "sub1", "spring", 1, 1, 0)), stats.subIdFunnel(partner, MAY));
    }

    @Test
    void pastTheBoundOfValuesPerLinkAndMonth_furtherValuesShareOneRow_andKnownValuesKeepCounting() {
        List<Projected> batch = new ArrayList<>();
        for (int i = 0; i < CounterUpdates.MAX_SUBID_VALUES + 30; i++) {
            batch.add(click("ada-news", Map.of("sub1", "v" + i)));
        }
        stats.apply("shard-1", batch);
        // a later batch: a known value, a new one (past the bound), and another link (a bound of its own)
        stats.apply("shard-1", List.of(click("ada-news", Map.of("sub1", "v0")),
                click("ada-news", Map.of("sub1", "new-one")), click("ada-blog", Map.of("sub1", "new-one"))));

        List<SubIdRow> funnel = stats.subIdFunnel(partner, MAY);
        long named = funnel.stream().filter(r -> r.code().equals("ada-news") && r.value() != null).count();
        assertEquals(CounterUpdates.MAX_SUBID_VALUES, named);
        assertTrue(funnel.contains(new SubIdRow("ada-news", "sub1", null, 31, 0, 0)), funnel.toString());
        assertTrue(funnel.contains(new SubIdRow("ada-news", "sub1", "v0", 2, 0, 0)), funnel.toString());
        assertTrue(funnel.contains(new SubIdRow("ada-blog", "sub1", "new-one", 1, 0, 0)), funnel.toString());
        long total = funnel.stream().filter(r -> r.code().equals("ada-news")).mapToLong(SubIdRow::clicks).sum();
        assertEquals(CounterUpdates.MAX_SUBID_VALUES + 32, total, "every click counted, named or not");
    }

    @Test
    void whenAnotherChunkAdmitsValuesBetweenTheReadAndTheWrite_theChunkReadsAgainAndStaysWithinTheBound() {
        // another stream shard fills the link's month up to the bound just before this chunk's transaction
        AtomicBoolean raced = new AtomicBoolean();
        ExecutionInterceptor race = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if ("TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        && raced.compareAndSet(false, true)) {
                    List<String> full = new ArrayList<>();
                    for (int i = 0; i < CounterUpdates.MAX_SUBID_VALUES; i++) {
                        full.add("sub1=other" + i);
                    }
                    table.client().putItem(r -> r.tableName(table.config().tableName()).item(withValues(full)));
                }
            }
        };
        LocalSdk.useSharedDynamoDbLocal();
        var racing = new DynamoDbStatsRepository(DynamoDbClients.create(List.of(race)), table.config(),
                fixtures.clock());

        assertEquals(1, racing.apply("shard-1", List.of(click("ada-news", Map.of("sub1", "late")))).appliedRecords());

        assertTrue(raced.get());
        assertEquals(List.of(new SubIdRow("ada-news", "sub1", null, 1, 0, 0)), stats.subIdFunnel(partner, MAY),
                "the value found no room after the re-read: it counts with the others");
    }

    private Map<String, AttributeValue> withValues(List<String> values) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(ItemBuilder.item(
                        Keys.subIdStats(partner, MAY, "ada-news"), ItemType.SUBID_STATS)
                .s("partnerId", partner.value()).s("month", MAY.toString()).s("code", "ada-news").build());
        item.put(CounterUpdates.SUBID_VALUES, AttributeValue.fromSs(values));
        return item;
    }
}

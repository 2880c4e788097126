package dev.refer.dynamodb;

import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.lead.LeadRepository.Creation;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.StatsRepository;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the adapters translate refusals DynamoDB Local cannot be made to produce: concurrent transactions. */
class TransactionConflictTest {

    private static final String NONE = "None";
    private static final String CONFLICT = "TransactionConflict";
    private static final String FAILED = "ConditionalCheckFailed";

    private final Fixtures fixtures = new Fixtures();
    private final ScriptedTransactionsClient client = new ScriptedTransactionsClient();
    private final TableConfig config = new TableConfig("table", new ProgramId("test"));
    private final PartnerId partner = fixtures.partnerId();

    @Test
    void orderBookRecord_whenAnotherTransactionWasWritingTheSameItems_isConflict() {
        client.refuse(NONE, CONFLICT);

        assertEquals(OrderBook.Outcome.CONFLICT, new DynamoDbOrderBook(client, config).record(organicSale()));
        assertEquals(1, client.requests.size(), "the use case re-plans; the adapter does not retry");
    }

    @Test
    void orderBookRecord_whenTheEventIdExistsBesideAConflict_isADuplicate() {
        client.refuse(FAILED, CONFLICT);

        assertEquals(OrderBook.Outcome.DUPLICATE_EVENT, new DynamoDbOrderBook(client, config).record(organicSale()));
    }

    @Test
    void leadCreate_whenConflictThenTheGuardExists_retriesAndReportsTheDuplicate() {
        Lead lead = fixtures.lead("grace@example.com", null);
        String existing = fixtures.newId();
        client.refuse(CONFLICT, NONE).refuseReturning(Map.of("leadId", AttributeValue.fromS(existing)), FAILED, NONE);

        Creation creation = new DynamoDbLeadRepository(client, config).create(lead);

        assertEquals(new Creation.Duplicate(new LeadId(existing)), creation);
        assertEquals(2, client.requests.size());
    }

    /** A popular partner's counters are written by concurrent stream batches: a conflict is retried. */
    @Test
    void countersApply_whenConflictOnce_retriesAndApplies() {
        client.refuse(NONE, CONFLICT, NONE);

        StatsRepository.Applied applied = new DynamoDbStatsRepository(client, config).apply("shard", clicks());

        assertEquals(new StatsRepository.Applied(1, 0, null), applied);
        assertEquals(2, client.requests.size());
    }

    @Test
    void countersApply_whenConflictEveryTime_reportsWhereTheStreamMustResume() {
        for (int i = 0; i < 4; i++) {
            client.refuse(NONE, CONFLICT, NONE);
        }

        StatsRepository.Applied applied = new DynamoDbStatsRepository(client, config).apply("shard", clicks());

        assertEquals(new StatsRepository.Applied(0, 0, "1"), applied);
        assertEquals(4, client.requests.size());
    }

    /** The roll-up sealed the epoch between reading it and writing: the chunk goes to the next epoch. */
    @Test
    void countersApply_whenTheEpochWasSealedMeanwhile_writesTheDeltaIntoTheNextEpoch() {
        client.answerGet(Map.of()) // the chunk's marker: not counted before
                .answerGet(Map.of()).answerGet(Map.of("sealed", AttributeValue.fromN("1")));
        client.refuse(NONE, FAILED, NONE);

        StatsRepository.Applied applied = new DynamoDbStatsRepository(client, config).apply("shard", clicks());

        assertEquals(new StatsRepository.Applied(1, 0, null), applied);
        assertEquals(List.of("CLICKDELTAS#1", "CLICKDELTAS#2"), client.requests.stream()
                .map(request -> request.transactItems().get(2).put().item().get("pk").s()).toList());
    }

    @Test
    void countersApply_mergesEveryCountOfOneItem_intoOneUpdate() {
        StatsDelta sale = StatsDelta.forPartner(partner, fixtures.now(), java.time.ZoneOffset.UTC)
                .event(Counters.SALES, 1).build();
        new DynamoDbStatsRepository(client, config).apply("shard", List.of(
                new StatsRepository.Projected("1", List.of(sale), null),
                new StatsRepository.Projected("2", List.of(sale), null)));

        List<String> keys = client.requests.getFirst().transactItems().stream()
                .map(item -> item.put() != null ? item.put().item() : item.update().key())
                .map(key -> key.get("pk").s() + "/" + key.get("sk").s())
                .toList();
        assertEquals(List.of("COUNTED#shard#1/COUNTED", "PARTNER#" + partner.value() + "/STATS#ALL",
                "PARTNER#" + partner.value() + "/STATS#2026-05",
                "COUNTED#shard#2/COUNTED"), keys, "and the split point of the delivery's halves");
        assertEquals("2", client.requests.getFirst().transactItems().get(1).update().expressionAttributeValues()
                .get(":c0").n());
    }

    private List<StatsRepository.Projected> clicks() {
        return List.of(new StatsRepository.Projected("1", List.of(),
                new StatsRepository.ClickCount(partner, "ada-news", YearMonth.of(2026, 5))));
    }

    private OrderBook.ConversionWrite organicSale() {
        var conversion = fixtures.conversion("evt_1", ConversionKind.SALE, "ord_1", 1_000, null, null);
        var order = dev.refer.core.conversion.Order.sold("ord_1", ConversionKind.SALE, "evt_1", null,
                conversion.amount(), null, null, null, conversion.occurredAt());
        return new OrderBook.ConversionWrite(conversion, order, 0, null, null, List.of());
    }
}

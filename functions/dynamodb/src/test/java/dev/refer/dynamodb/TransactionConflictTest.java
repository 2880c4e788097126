package dev.refer.dynamodb;

import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LedgerRepository.ConversionRecord;
import dev.refer.core.ports.LedgerRepository.Outcome;
import dev.refer.core.ports.LeadRepository.Creation;
import dev.refer.core.ports.StatsRepository.ClickIncrement;
import dev.refer.core.program.ProgramId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void ledgerRecord_whenAnotherTransactionWasWritingTheSameItems_isConflict() {
        client.refuse(NONE, CONFLICT);

        assertEquals(Outcome.CONFLICT, new DynamoDbLedgerRepository(client, config).record(organicSale()));
        assertEquals(1, client.requests.size(), "the use case re-plans; the adapter does not retry");
    }

    @Test
    void ledgerRecord_whenConditionFailedBesideAConflict_reportsTheCondition() {
        client.refuse(CONFLICT, FAILED);

        assertEquals(Outcome.ORDER_EXISTS, new DynamoDbLedgerRepository(client, config).record(organicSale()));
    }

    @Test
    void leadCreate_whenConflictThenTheGuardExists_retriesAndReportsTheDuplicate() {
        Lead lead = fixtures.lead("grace@example.com", null);
        String existing = fixtures.newId();
        client.refuse(CONFLICT, NONE).refuseReturning(Map.of("leadId", AttributeValue.fromS(existing)), FAILED, NONE);

        Creation creation = new DynamoDbLeadRepository(client, config).create(lead, null);

        assertEquals(new Creation.Duplicate(new LeadId(existing)), creation);
        assertEquals(2, client.requests.size());
    }

    @Test
    void applyClicks_whenConflictOnce_retriesAndApplies() {
        client.refuse(NONE, CONFLICT, NONE, NONE, NONE);

        assertTrue(new DynamoDbStatsRepository(client, config).applyClicks("shard#1", increments()));
        assertEquals(2, client.requests.size());
    }

    @Test
    void applyClicks_whenConflictEveryTime_throwsAfterThreeRetries() {
        for (int i = 0; i < 4; i++) {
            client.refuse(NONE, CONFLICT, NONE, NONE, NONE);
        }

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DynamoDbStatsRepository(client, config).applyClicks("shard#1", increments()));
        assertTrue(e.getMessage().contains(CONFLICT));
        assertEquals(4, client.requests.size());
    }

    @Test
    void applyClicks_whenTwoLinksOfOnePartner_touchesEachCounterItemOnce() {
        new DynamoDbStatsRepository(client, config).applyClicks("shard#1", List.of(
                new ClickIncrement(partner, "ada-news", YearMonth.of(2026, 5), 2),
                new ClickIncrement(partner, "ada-blog", YearMonth.of(2026, 5), 3)));

        List<String> keys = client.requests.get(0).transactItems().stream()
                .map(item -> item.put() != null ? item.put().item() : item.update().key())
                .map(key -> key.get("pk").s() + "/" + key.get("sk").s())
                .toList();
        assertEquals(List.of("COUNTED#shard#1/COUNTED",
                "PARTNER#" + partner.value() + "/STATS#ALL", "PARTNER#" + partner.value() + "/STATS#2026-05",
                "LINK#ada-news/STATS#ALL", "LINK#ada-news/STATS#2026-05",
                "LINK#ada-blog/STATS#ALL", "LINK#ada-blog/STATS#2026-05"), keys);
        AttributeValue partnerClicks = client.requests.get(0).transactItems().get(1).update()
                .expressionAttributeValues().get(":c0");
        assertEquals("5", partnerClicks.n());
    }

    private List<ClickIncrement> increments() {
        return List.of(new ClickIncrement(partner, "ada-news", YearMonth.of(2026, 5), 1));
    }

    private ConversionRecord organicSale() {
        var conversion = fixtures.conversion("evt_1", ConversionKind.SALE, "ord_1", 1_000, null, null);
        var order = new dev.refer.core.conversion.Order("ord_1", null, conversion.amount(), null, null, null,
                dev.refer.core.money.Money.of(0, "EUR"), null);
        return new ConversionRecord(conversion, null, null, order, null, null, null);
    }
}

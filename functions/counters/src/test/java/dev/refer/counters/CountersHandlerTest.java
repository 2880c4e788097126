package dev.refer.counters;

import dev.refer.core.partner.Partner;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counters function fed a real DynamoDB Streams event (clicks, a lead stored then qualified), against DynamoDB Local. */
class CountersHandlerTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private TestTable table;
    private Partner anna;
    private CountersHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        anna = new ProgramFixture(table.client(), table.config()).activePartner("anna@partner.example");
        handler = new CountersHandler(table.environment());
    }

    private String invoke(String fixture) throws IOException {
        byte[] event;
        try (var in = getClass().getClassLoader().getResourceAsStream("events/" + fixture)) {
            event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PARTNER_ID", anna.id().value())
                    .getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private PartnerStats stats() {
        return new DynamoDbStatsRepository(table.client(), table.config())
                .partnerStats(anna.id(), NOVEMBER, NOVEMBER);
    }

    private String rollUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickRollupHandler(table.environment()).handleRequest(new ByteArrayInputStream(
                "{\"source\":\"aws.scheduler\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batch_countsClicksAndLeadChanges_onceWhenDeliveredTwice() throws IOException {
        assertEquals("{\"batchItemFailures\":[]}", invoke("dynamodb-stream-counters.json"));
        assertEquals("{\"batchItemFailures\":[]}", invoke("dynamodb-stream-counters.json"));
        assertEquals(0L, stats().allTime(Counters.CLICKS), "clicks wait for the roll-up");
        assertEquals(1L, stats().allTime(Counters.LEADS), "the other counters do not");

        assertEquals("{\"epoch\":1,\"clicks\":2,\"partnerMonths\":1,\"alreadyAdded\":0}", rollUp());
        assertEquals("{\"epoch\":2,\"clicks\":0,\"partnerMonths\":0,\"alreadyAdded\":0}", rollUp());

        PartnerStats stats = stats();
        assertEquals(2L, stats.allTime(Counters.CLICKS));
        assertEquals(2L, stats.month().get(Counters.CLICKS));
        assertEquals(1L, stats.allTime(Counters.LEADS));
        assertEquals(1L, stats.allTime(Counters.LEADS_QUALIFIED));
        assertEquals(0L, stats.allTime(Counters.leadStatus(dev.refer.core.lead.LeadStatus.NEW)));
        assertEquals(1L, stats.allTime(Counters.leadStatus(dev.refer.core.lead.LeadStatus.QUALIFIED)));
    }

    @Test
    void rollUpPriming_withClicksWaiting_writesNothing_andTheRealRunStillCountsThem() throws IOException {
        invoke("dynamodb-stream-counters.json");
        var rollUp = new ClickRollupHandler(table.environment());
        var before = table.items();

        rollUp.priming.prime();

        assertEquals(before, table.items(), "priming must not write");
        assertEquals("{\"epoch\":1,\"clicks\":2,\"partnerMonths\":1,\"alreadyAdded\":0}", rollUp());
        assertEquals(2L, stats().allTime(Counters.CLICKS));
    }

    @Test
    void batch_countsAClickItsLeadAndItsSale_perSubIdValue_onceWhenDeliveredTwice() throws IOException {
        assertEquals("{\"batchItemFailures\":[]}", invoke("dynamodb-stream-subids.json"));
        assertEquals("{\"batchItemFailures\":[]}", invoke("dynamodb-stream-subids.json"));

        assertEquals(java.util.List.of(
                        new dev.refer.core.stats.StatsRepository.SubIdRow("anna-news", "sub1", "spring", 1, 1, 1),
                        new dev.refer.core.stats.StatsRepository.SubIdRow("anna-news", "sub2", "mail", 1, 1, 1)),
                new DynamoDbStatsRepository(table.client(), table.config()).subIdFunnel(anna.id(), NOVEMBER));
        assertEquals(1L, stats().allTime(Counters.LEADS), "the lead counts as ever");
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

package dev.refer.counters;

import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.Seed;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stream consumer fed a real DynamoDB Streams event, against DynamoDB Local. */
class ClickCounterHandlerTest {

    private TestTable table;
    private Partner anna;
    private ClickCounterHandler handler;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        anna = new Seed(table).activePartner("anna@partner.example");
        handler = new ClickCounterHandler(table.environment());
    }

    private String invoke() throws IOException {
        byte[] event;
        try (var in = getClass().getClassLoader().getResourceAsStream("events/dynamodb-stream-clicks.json")) {
            event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PARTNER_ID", anna.id().value())
                    .getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batch_whenDeliveredTwice_countsItsClicksOnce() throws IOException {
        assertEquals("{\"batchItemFailures\":[]}", invoke());
        assertEquals("{\"batchItemFailures\":[]}", invoke());
        String partner = "PARTNER#" + anna.id();
        assertEquals("2", table.item(partner, "STATS#ALL").get("clicks").n());
        assertEquals("2", table.item(partner, "STATS#2026-11").get("clicks").n());
        assertEquals("2", table.item("LINK#anna-news", "STATS#ALL").get("clicks").n());
        assertEquals("2", table.item("LINK#anna-news", "STATS#2026-11").get("clicks").n());
    }

    @Test
    void snapStartPriming_runsTheRealCodePathsAndWritesNothing() {
        int before = table.items().size();
        handler.priming.prime();
        assertEquals(before, table.items().size(), "priming must not write");
    }
}

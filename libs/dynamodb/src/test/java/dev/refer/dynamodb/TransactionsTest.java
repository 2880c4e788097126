package dev.refer.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionsTest {

    private final TestTable table = TestTable.create();
    private final Transactions transactions = new Transactions(table.client());

    @Test
    void write_whenGuardExists_reportsWhichItemFailedAndReturnsTheExistingGuard() {
        Map<String, AttributeValue> guard = Map.of("pk", AttributeValue.fromS("LEAD_EMAIL#test#a@example.com"),
                "sk", AttributeValue.fromS("LEAD_EMAIL"), "type", AttributeValue.fromS("LEAD_EMAIL"),
                "leadId", AttributeValue.fromS("first"));
        Map<String, AttributeValue> other = Map.of("pk", AttributeValue.fromS("X"), "sk", AttributeValue.fromS("X"));
        assertTrue(transactions.write(List.of(Writes.putGuard(table.name(), guard))).isEmpty());
        Map<String, AttributeValue> second = new java.util.HashMap<>(guard);
        second.put("leadId", AttributeValue.fromS("second"));

        Optional<Cancellation> cancelled = transactions.write(List.of(
                Writes.putNew(table.name(), other), Writes.putGuard(table.name(), second)));

        assertTrue(cancelled.isPresent());
        assertFalse(cancelled.get().conditionFailed(0));
        assertTrue(cancelled.get().conditionFailed(1));
        assertFalse(cancelled.get().conflict());
        assertEquals("first", cancelled.get().oldItem(1).get("leadId").s());
        assertEquals(0, table.count("X") + (table.item("X", "X") == null ? 0 : 1), "nothing of the unit written");
    }
}

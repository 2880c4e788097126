package dev.refer.admin;

import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The deploy's data upgrade as Lambda runs it, against DynamoDB Local: it answers where the data stands. */
class DataMigrationHandlerTest {

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    @Test
    void aNewTable_isAtTheCodesDataVersion_andASecondInvocationSaysTheSame() throws Exception {
        TestTable table = TestTable.create();
        DataMigrationHandler handler = new DataMigrationHandler(table.environment());

        assertEquals("{\"version\":2,\"target\":2,\"done\":true,\"upgraded\":0}", invoke(handler, "{}"));
        assertEquals("2", table.item("PROGRAM#test", "DATA_VERSION").get("version").n());
        assertEquals("{\"version\":2,\"target\":2,\"done\":true,\"upgraded\":0}",
                invoke(handler, "{\"anything\":\"ignored\"}"));
    }

    private static String invoke(DataMigrationHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}

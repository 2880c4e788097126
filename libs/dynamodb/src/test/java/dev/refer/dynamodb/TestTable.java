package dev.refer.dynamodb;

import dev.refer.core.program.ProgramId;
import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh, uniquely named table on the JVM's shared DynamoDB Local, created from template.yaml's
 * {@code ReferralTable} (so an index the code queries but the template lacks fails the test). For tests of any
 * module: it ships in this module's test-jar.
 *
 * <p>{@link #count(String)} and {@link #items()} scan the table: test-only helpers to assert what was (or was not)
 * stored. No production code path scans.
 */
public final class TestTable {

    public static final String LOGICAL_ID = "ReferralTable";
    public static final ProgramId PROGRAM_ID = new ProgramId("test");

    private static SamTemplate template;

    private final DynamoDbLocal dynamoDb;
    private final TableConfig config;

    private TestTable(DynamoDbLocal dynamoDb, TableConfig config) {
        this.dynamoDb = dynamoDb;
        this.config = config;
    }

    /** Creates a new empty table (keys, indexes, TTL and stream as in template.yaml) and waits until it is active. */
    public static TestTable create() {
        DynamoDbLocal dynamoDb = DynamoDbLocal.shared();
        String name = DynamoDbLocal.uniqueTableName("refer-test");
        dynamoDb.createTable(template(), LOGICAL_ID, name);
        return new TestTable(dynamoDb, new TableConfig(name, PROGRAM_ID));
    }

    private static synchronized SamTemplate template() {
        if (template == null) {
            template = SamTemplate.load();
        }
        return template;
    }

    /** A client of the shared DynamoDB Local (endpoint override, local credentials). */
    public DynamoDbClient client() {
        return dynamoDb.client();
    }

    /** The table's name and program id {@code test}. */
    public TableConfig config() {
        return config;
    }

    public String name() {
        return config.tableName();
    }

    /** DynamoDB Local's endpoint, for code that builds its own client (e.g. through system properties). */
    public URI endpoint() {
        return dynamoDb.endpoint();
    }

    /** The environment template.yaml gives every function, pointing at this table. */
    public Map<String, String> environment() {
        return Map.of("TABLE_NAME", config.tableName(), "PROGRAM_ID", config.programId().value());
    }

    /** How many items have {@code type} = the given value. TEST ONLY: a Scan, to assert "nothing stored". */
    public long count(String type) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = client().scan(ScanRequest.builder()
                    .tableName(config.tableName())
                    .filterExpression("#type = :type")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(type)))
                    .select(Select.COUNT)
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Every item in the table. TEST ONLY: a Scan. */
    public List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = client().scan(ScanRequest.builder()
                    .tableName(config.tableName())
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** One item by key (a consistent GetItem), or null. */
    public Map<String, AttributeValue> item(String pk, String sk) {
        var response = client().getItem(request -> request.tableName(config.tableName())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }
}

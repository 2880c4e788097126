package dev.refer.bench;

import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What every benchmark section shares: the repository (for the template and the built jars), one DynamoDB Local
 * server on loopback, and a helper to create fresh tables from template.yaml. Sections seed their own data.
 */
public final class BenchContext {

    public static final String TABLE_LOGICAL_ID = "ReferralTable";
    public static final String PROGRAM_ID = "bench";

    private final Path repository;
    private final SamTemplate template;
    private final DynamoDbLocal dynamoDb;
    private final java.util.List<String> tables = new java.util.ArrayList<>();

    BenchContext(Path repository, DynamoDbLocal dynamoDb) {
        this.repository = repository;
        this.template = SamTemplate.load(repository.resolve("template.yaml"));
        this.dynamoDb = dynamoDb;
    }

    public Path repository() {
        return repository;
    }

    public SamTemplate template() {
        return template;
    }

    public DynamoDbLocal dynamoDb() {
        return dynamoDb;
    }

    /** Points this JVM's SDK clients (standard configuration, system properties) at the benchmark's DynamoDB Local. */
    public void pointSdkAtDynamoDb() {
        dynamoDb.sdkSystemProperties().forEach(System::setProperty);
    }

    public DynamoDbClient client() {
        return dynamoDb.client();
    }

    /**
     * A new table named {@code prefix-<unique>} created exactly as template.yaml defines it. It is deleted by
     * {@link #dropTables()}: DynamoDB Local keeps all tables in one in-memory database that slows down as it fills,
     * so each section leaves none of its items to the next.
     */
    public String newTable(String prefix) {
        String name = DynamoDbLocal.uniqueTableName(prefix);
        dynamoDb.createTable(template, TABLE_LOGICAL_ID, name);
        tables.add(name);
        return name;
    }

    /**
     * Like {@link #newTable(String)} but without the table's stream. DynamoDB Local re-reads a table's metadata,
     * stream shards included, on every write, so a streamed table slows down as its stream grows (to about one write
     * a second after some thousand transactions). Paths that do not involve the stream consumer measure on this.
     */
    public String newTableWithoutStream(String prefix) {
        String name = DynamoDbLocal.uniqueTableName(prefix);
        dynamoDb.client().createTable(template.createTableRequest(TABLE_LOGICAL_ID, name).toBuilder()
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build());
        dynamoDb.client().waiter().waitUntilTableExists(request -> request.tableName(name));
        tables.add(name);
        return name;
    }

    /** Deletes every table this context created. */
    public void dropTables() {
        for (String table : tables) {
            dynamoDb.client().deleteTable(request -> request.tableName(table));
        }
        tables.clear();
    }

    /** The environment the template gives every function, pointed at {@code table}. */
    public Map<String, String> functionEnvironment(String table) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", table);
        env.put("PROGRAM_ID", PROGRAM_ID);
        return env;
    }

    /** A function's packaged Lambda jar ({@code functions/<module>/target/<module>-lambda.jar}); fails if unbuilt. */
    public Path lambdaJar(String module) {
        Path jar = repository.resolve("functions").resolve(module).resolve("target").resolve(module + "-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }
}

package dev.refer.emulators;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DynamoDbLocalTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private final DynamoDbLocal dynamoDb = DynamoDbLocal.shared();
    private final DynamoDbClient client = dynamoDb.client();

    @Test
    void endpoint_isOnLoopback() {
        assertEquals("127.0.0.1", dynamoDb.endpoint().getHost());
        assertTrue(dynamoDb.endpoint().getPort() > 0);
    }

    @Test
    void server_doesNotListenOnOtherInterfaces() throws SocketException {
        InetAddress external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try");

        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external, dynamoDb.endpoint().getPort()), 2000);
            }
        });
    }

    @Test
    void createTable_fromTemplate_hasIndexesTtlAndStream() {
        String table = DynamoDbLocal.uniqueTableName("emulators");
        TableDescription description = dynamoDb.createTable(TEMPLATE, "ReferralTable", table);

        assertEquals(List.of("GSI1", "GSI2", "GSI3"), description.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).sorted().toList());
        assertTrue(description.streamSpecification().streamEnabled());
        assertTrue(description.latestStreamArn() != null);
        var ttl = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void putAndGet_roundTripThroughTheServer_andQueryAnIndex() {
        String table = DynamoDbLocal.uniqueTableName("emulators");
        dynamoDb.createTable(TEMPLATE, "ReferralTable", table);
        Map<String, AttributeValue> item = Map.of(
                "pk", s("LINK#abc"), "sk", s("LINK"), "gsi1pk", s("PARTNER#p1"), "gsi1sk", s("LINK#abc"),
                "destination", s("https://example.com"));

        client.putItem(r -> r.tableName(table).item(item));

        assertEquals(item, client.getItem(r -> r.tableName(table).key(Map.of("pk", s("LINK#abc"), "sk", s("LINK"))))
                .item());
        assertEquals(1, client.query(r -> r.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("PARTNER#p1"))))
                .count());
    }

    @Test
    void query_ofAnIndexTheTemplateLacks_fails() {
        String table = DynamoDbLocal.uniqueTableName("emulators");
        dynamoDb.createTable(TEMPLATE, "ReferralTable", table);

        assertThrows(DynamoDbException.class, () -> client.query(r -> r.tableName(table).indexName("GSI9")
                .keyConditionExpression("gsi9pk = :p").expressionAttributeValues(Map.of(":p", s("x")))));
    }

    @Test
    void streamsClient_readsTheTableStream() {
        String table = DynamoDbLocal.uniqueTableName("emulators");
        String streamArn = dynamoDb.createTable(TEMPLATE, "ReferralTable", table).latestStreamArn();
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s("A"), "sk", s("B"))));

        var shard = dynamoDb.streamsClient().describeStream(r -> r.streamArn(streamArn)).streamDescription()
                .shards().get(0);
        String iterator = dynamoDb.streamsClient().getShardIterator(r -> r.streamArn(streamArn)
                .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var records = dynamoDb.streamsClient().getRecords(r -> r.shardIterator(iterator)).records();

        assertEquals(1, records.size());
        assertEquals(s("A"), records.get(0).dynamodb().newImage().get("pk"));
    }

    @Test
    void start_ownServer_isIndependentAndStops() {
        try (DynamoDbLocal own = DynamoDbLocal.start()) {
            assertTrue(own.endpoint().getPort() != dynamoDb.endpoint().getPort());
            assertTrue(own.client().listTables().tableNames().isEmpty());
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void startInChildJvm_servesOnLoopbackAndStopsWithItsParent() throws Exception {
        java.net.URI endpoint;
        try (DynamoDbLocal child = DynamoDbLocal.startInChildJvm()) {
            endpoint = child.endpoint();
            assertEquals("127.0.0.1", endpoint.getHost());
            String table = DynamoDbLocal.uniqueTableName("child");
            child.createTable(SamTemplate.load(), "ReferralTable", table);
            child.client().putItem(r -> r.tableName(table).item(java.util.Map.of(
                    "pk", AttributeValue.fromS("a"),
                    "sk", AttributeValue.fromS("b"))));
            assertEquals(1, child.client().scan(r -> r.tableName(table)).count());
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", endpoint.getPort()), 1000),
                    "the child JVM is gone once closed");
        }
    }
}

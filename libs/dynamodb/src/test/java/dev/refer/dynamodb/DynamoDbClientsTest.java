package dev.refer.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbClientsTest {

    @Test
    void region_whenAwsRegionSet_usesIt() {
        Properties properties = new Properties();
        properties.setProperty("aws.region", "us-west-2");

        assertEquals(Region.EU_CENTRAL_1, DynamoDbClients.region(Map.of("AWS_REGION", "eu-central-1"), properties));
    }

    @Test
    void region_whenOnlySystemProperty_usesIt() {
        Properties properties = new Properties();
        properties.setProperty("aws.region", "us-west-2");

        assertEquals(Region.US_WEST_2, DynamoDbClients.region(Map.of(), properties));
    }

    @Test
    void region_whenMissing_failsNamingAwsRegion() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DynamoDbClients.region(Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("AWS_REGION"));
    }

    /** The local stack's way: region, endpoint and credentials as system properties, read by the SDK itself. */
    @Test
    void create_whenConfiguredBySystemProperties_reachesTheEndpointTheSdkReads() {
        TestTable table = TestTable.create();
        Map<String, String> properties = Map.of(
                "aws.region", "us-east-1",
                "aws.endpointUrlDynamoDb", table.endpoint().toString(),
                "aws.accessKeyId", "local",
                "aws.secretAccessKey", "local");
        Properties saved = (Properties) System.getProperties().clone();
        try {
            properties.forEach(System::setProperty);
            try (DynamoDbClient client = DynamoDbClients.create()) {
                assertTrue(client.listTables().tableNames().contains(table.name()));
            }
        } finally {
            System.setProperties(saved);
        }
    }
}

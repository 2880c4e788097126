package dev.refer.local;

import dev.refer.aws.AwsClients;
import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that clients built as the functions build them (region and credentials from the JVM's settings, the endpoint
 * from the function's environment) reach the emulators, and that no endpoint is set JVM-wide.
 */
class AwsSdkSystemPropertiesTest {

    @Test
    void apply_withTheFunctionsEnvironment_pointsTheirClientsAtDynamoDbLocalAndMoto() {
        DynamoDbLocal dynamoDb = DynamoDbLocal.shared();
        String table = DynamoDbLocal.uniqueTableName("sdk");
        dynamoDb.createTable(SamTemplate.load(), "ReferralTable", table);
        try (MotoServer moto = MotoServer.start();
             AwsSdkSystemProperties ignored = AwsSdkSystemProperties.apply(dynamoDb)) {
            assertNull(System.getProperty("aws.endpointUrlDynamoDb"), "endpoints are per function");
            assertNull(System.getProperty("aws.endpointUrl"));
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "AWS_ENDPOINT_URL", moto.endpoint().toString());
            try (DynamoDbClient dynamoDbClient = AwsClients.build(DynamoDbClient.builder(), env,
                    "AWS_ENDPOINT_URL_DYNAMODB", List.of());
                 SesV2Client ses = AwsClients.build(SesV2Client.builder(), env, "AWS_ENDPOINT_URL_SESV2",
                         List.of())) {
                assertTrue(dynamoDbClient.listTables().tableNames().contains(table));
                ses.createEmailIdentity(r -> r.emailIdentity("partners@example.com"));
                // (moto 5.2 does not know the newer SDK's POST form of ListEmailIdentities; GetEmailIdentity it does)
                assertEquals("EMAIL_ADDRESS", ses.getEmailIdentity(r -> r.emailIdentity("partners@example.com"))
                        .identityTypeAsString());
                assertEquals("us-east-1", System.getProperty("aws.region"));
            }
        }
    }
}

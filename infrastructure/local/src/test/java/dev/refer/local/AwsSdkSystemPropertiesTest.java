package dev.refer.local;

import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves that clients built the plain way, as the handlers build them, reach the emulators. */
class AwsSdkSystemPropertiesTest {

    @Test
    void apply_pointsPlainSdkClientsAtDynamoDbLocalAndMoto() {
        DynamoDbLocal dynamoDb = DynamoDbLocal.shared();
        String table = DynamoDbLocal.uniqueTableName("sdk");
        dynamoDb.createTable(SamTemplate.load(), "ReferralTable", table);
        try (MotoServer moto = MotoServer.start();
             AwsSdkSystemProperties ignored = AwsSdkSystemProperties.apply(dynamoDb, moto.endpoint());
             DynamoDbClient dynamoDbClient = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .build();
             SesV2Client ses = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
             DynamoDbClient defaultHttpClient = DynamoDbClient.create()) {

            assertTrue(dynamoDbClient.listTables().tableNames().contains(table));
            assertTrue(defaultHttpClient.listTables().tableNames().contains(table));
            ses.createEmailIdentity(r -> r.emailIdentity("partners@example.com"));
            // (moto 5.2 does not know the newer SDK's POST form of ListEmailIdentities; GetEmailIdentity it does)
            assertEquals("EMAIL_ADDRESS", ses.getEmailIdentity(r -> r.emailIdentity("partners@example.com"))
                    .identityTypeAsString());
            assertEquals("us-east-1", System.getProperty("aws.region"));
        }
        assertNull(System.getProperty("aws.endpointUrlDynamoDb"));
    }
}

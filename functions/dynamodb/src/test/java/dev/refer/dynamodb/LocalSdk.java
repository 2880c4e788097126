package dev.refer.dynamodb;

import dev.refer.emulators.DynamoDbLocal;

/**
 * Points the AWS SDK's standard configuration (system properties, as the local stack does) at the shared DynamoDB
 * Local, so a handler built with its production wiring ({@link DynamoDbClients#create()}) reaches it unchanged.
 */
public final class LocalSdk {

    private LocalSdk() {
    }

    public static synchronized void useSharedDynamoDbLocal() {
        System.setProperty("aws.region", DynamoDbLocal.REGION.id());
        System.setProperty("aws.accessKeyId", DynamoDbLocal.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DynamoDbLocal.SECRET_ACCESS_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", DynamoDbLocal.shared().endpoint().toString());
    }
}

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
        DynamoDbLocal.shared().sdkSystemProperties().forEach(System::setProperty);
    }
}

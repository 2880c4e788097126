package dev.refer.bench;

import dev.refer.emulators.DynamoDbLocal;

/** Points the AWS SDK's standard configuration (system properties) at the benchmark's DynamoDB Local. */
final class LocalAws {

    private LocalAws() {
    }

    static void pointSdkAt(BenchContext context) {
        System.setProperty("aws.region", DynamoDbLocal.REGION.id());
        System.setProperty("aws.accessKeyId", DynamoDbLocal.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DynamoDbLocal.SECRET_ACCESS_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", context.dynamoDb().endpoint().toString());
    }
}

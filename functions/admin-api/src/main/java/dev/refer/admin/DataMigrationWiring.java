package dev.refer.admin;

import dev.refer.core.upgrade.DataUpgrades;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.upgrade.DynamoDbDataUpgrades;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;

import java.util.Map;

/** Builds the data upgrade's object graph: the table's upgrades on the function's DynamoDB client. */
record DataMigrationWiring(DataUpgrades upgrades) {

    static DataMigrationWiring create(Map<String, String> env) {
        return new DataMigrationWiring(new DynamoDbDataUpgrades(DynamoDbClients.create(env), TableConfig.fromEnv(env)));
    }

    /**
     * SnapStart (the template's Globals give every function a snapshot): the answer's type (JSON); nothing is read,
     * since a snapshot must not carry where the data stood.
     */
    SnapStartPriming registerPriming() {
        return SnapStartPriming.register(() -> LambdaJson.writeBytes(Map.of("version", 1, "target", 1, "done", true,
                "upgraded", 0)), () -> { });
    }
}

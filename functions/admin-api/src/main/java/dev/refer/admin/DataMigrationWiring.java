package dev.refer.admin;

import dev.refer.core.upgrade.DataUpgrades;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.upgrade.DynamoDbDataUpgrades;

import java.util.Map;

/** Builds the data upgrade's object graph: the table's upgrades on the function's DynamoDB client. */
record DataMigrationWiring(DataUpgrades upgrades) {

    static DataMigrationWiring create(Map<String, String> env) {
        return new DataMigrationWiring(new DynamoDbDataUpgrades(DynamoDbClients.create(env), TableConfig.fromEnv(env)));
    }
}

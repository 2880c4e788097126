package dev.refer.emulators;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the Properties of an {@code AWS::DynamoDB::Table} into the CreateTable call CloudFormation would make.
 * Exactly what the template says and nothing more: an index the code needs but the template lacks must fail in a
 * test. Properties with no local meaning (SSE, point-in-time recovery, deletion protection, tags) are left out.
 */
final class TableDefinition {

    private TableDefinition() {
    }

    static CreateTableRequest createTableRequest(Map<String, Object> properties, String tableName, String where) {
        BillingMode billingMode = BillingMode.fromValue(
                Nodes.optionalString(properties, "BillingMode").orElse("PROVISIONED"));
        boolean provisioned = billingMode == BillingMode.PROVISIONED;
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(billingMode)
                .attributeDefinitions(Nodes.list(properties.get("AttributeDefinitions"), where + ".AttributeDefinitions")
                        .stream().map(node -> attributeDefinition(node, where)).toList())
                .keySchema(keySchema(properties.get("KeySchema"), where + ".KeySchema"));
        if (provisioned) {
            request.provisionedThroughput(throughput(properties, where));
        }
        List<Object> globalIndexes = Nodes.optionalList(properties, "GlobalSecondaryIndexes", where);
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream()
                    .map(node -> globalIndex(node, provisioned, where + ".GlobalSecondaryIndexes")).toList());
        }
        List<Object> localIndexes = Nodes.optionalList(properties, "LocalSecondaryIndexes", where);
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream()
                    .map(node -> localIndex(node, where + ".LocalSecondaryIndexes")).toList());
        }
        streamSpecification(properties, where).ifPresent(request::streamSpecification);
        return request.build();
    }

    /** The TTL attribute when {@code TimeToLiveSpecification} is present and enabled. */
    static Optional<String> ttlAttribute(Map<String, Object> properties, String where) {
        Map<String, Object> ttl = Nodes.optionalMap(properties, "TimeToLiveSpecification", where);
        boolean enabled = Boolean.parseBoolean(Nodes.optionalString(ttl, "Enabled").orElse("false"));
        return enabled ? Optional.of(Nodes.string(ttl, "AttributeName", where + ".TimeToLiveSpecification"))
                : Optional.empty();
    }

    private static AttributeDefinition attributeDefinition(Object node, String where) {
        Map<String, Object> definition = Nodes.map(node, where + ".AttributeDefinitions[]");
        return AttributeDefinition.builder()
                .attributeName(Nodes.string(definition, "AttributeName", where))
                .attributeType(Nodes.string(definition, "AttributeType", where))
                .build();
    }

    private static List<KeySchemaElement> keySchema(Object node, String where) {
        return Nodes.list(node, where).stream().map(element -> {
            Map<String, Object> key = Nodes.map(element, where + "[]");
            return KeySchemaElement.builder()
                    .attributeName(Nodes.string(key, "AttributeName", where))
                    .keyType(Nodes.string(key, "KeyType", where))
                    .build();
        }).toList();
    }

    private static GlobalSecondaryIndex globalIndex(Object node, boolean provisioned, String where) {
        Map<String, Object> index = Nodes.map(node, where + "[]");
        String name = Nodes.string(index, "IndexName", where);
        GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema(index.get("KeySchema"), where + "." + name + ".KeySchema"))
                .projection(projection(index, where + "." + name));
        if (provisioned) {
            builder.provisionedThroughput(throughput(index, where + "." + name));
        }
        return builder.build();
    }

    private static LocalSecondaryIndex localIndex(Object node, String where) {
        Map<String, Object> index = Nodes.map(node, where + "[]");
        String name = Nodes.string(index, "IndexName", where);
        return LocalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema(index.get("KeySchema"), where + "." + name + ".KeySchema"))
                .projection(projection(index, where + "." + name))
                .build();
    }

    private static Projection projection(Map<String, Object> index, String where) {
        Map<String, Object> projection = Nodes.optionalMap(index, "Projection", where);
        Projection.Builder builder = Projection.builder()
                .projectionType(Nodes.optionalString(projection, "ProjectionType").orElse("KEYS_ONLY"));
        List<Object> nonKey = Nodes.optionalList(projection, "NonKeyAttributes", where + ".Projection");
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> owner, String where) {
        Map<String, Object> throughput = Nodes.map(owner.get("ProvisionedThroughput"),
                where + ".ProvisionedThroughput (required unless BillingMode is PAY_PER_REQUEST)");
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(Nodes.string(throughput, "ReadCapacityUnits", where)))
                .writeCapacityUnits(Long.parseLong(Nodes.string(throughput, "WriteCapacityUnits", where)))
                .build();
    }

    private static Optional<StreamSpecification> streamSpecification(Map<String, Object> properties, String where) {
        Map<String, Object> stream = Nodes.optionalMap(properties, "StreamSpecification", where);
        return Nodes.optionalString(stream, "StreamViewType").map(viewType -> StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(viewType)
                .build());
    }
}

package dev.refer.dynamodb.partner;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.portal.PartnerProfiles;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** UpdateItem of {@code PARTNER#{id}}'s name and company, on an existing partner only (never a stub item). */
public final class DynamoDbPartnerProfiles implements PartnerProfiles {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbPartnerProfiles(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Partner> rename(PartnerId partnerId, String name, String company) {
        Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#company", "company"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":name", AttributeValue.fromS(name)));
        String update;
        if (company == null) {
            update = "SET #name = :name REMOVE #company";
        } else {
            update = "SET #name = :name, #company = :company";
            values.put(":company", AttributeValue.fromS(company));
        }
        try {
            UpdateItemResponse response = client.updateItem(request -> request.tableName(table.tableName())
                    .key(Keys.partner(partnerId))
                    .updateExpression(update)
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(PartnerMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }
}

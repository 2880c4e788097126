package dev.refer.dynamodb.partner;

import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partnerimport.PartnerDetails;
import dev.refer.core.program.CommissionPlan;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.program.PlanMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One UpdateItem of {@code PARTNER#{id}}'s name, company and plan override (an absent value is removed), on an
 * existing partner only: the email (and its guard), the status and the links are left to their own writes.
 */
public final class DynamoDbPartnerDetails implements PartnerDetails {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbPartnerDetails(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Partner> update(PartnerId id, String name, String company, CommissionPlan planOverride) {
        Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#company", "company", "#plan", "plan"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":name", AttributeValue.fromS(name)));
        List<String> set = new ArrayList<>(List.of("#name = :name"));
        List<String> remove = new ArrayList<>();
        if (company == null) {
            remove.add("#company");
        } else {
            set.add("#company = :company");
            values.put(":company", AttributeValue.fromS(company));
        }
        if (planOverride == null) {
            remove.add("#plan");
        } else {
            set.add("#plan = :plan");
            values.put(":plan", AttributeValue.fromM(PlanMapper.toMap(planOverride)));
        }
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            UpdateItemResponse response = client.updateItem(request -> request.tableName(table.tableName())
                    .key(Keys.partner(id))
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

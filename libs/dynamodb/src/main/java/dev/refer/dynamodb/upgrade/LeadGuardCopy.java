package dev.refer.dynamodb.upgrade;

import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.Map;

/**
 * Data version 2: every lead's email guard carries the copy of the lead a billing event weighs (its status,
 * attribution, capture time and the holding claim's time; {@link LeadMapper#emailGuard}). Guards written before the
 * copy hold only the lead's id (a sale then reads the lead itself), and a review since then gave some a status but
 * neither attribution nor capture time: a sale to that customer cannot weigh such a guard at all. Each is completed from its lead (read strongly consistent); the status a
 * review wrote meanwhile is kept, and a guard a takeover rewrote meanwhile is left as it is.
 */
final class LeadGuardCopy implements DynamoDbDataUpgrades.Upgrade {

    private static final String CREATED_AT = "createdAt";

    private final DynamoDbClient client;
    private final TableConfig table;

    LeadGuardCopy(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public String filter() {
        return "#type = :guard AND attribute_not_exists(#createdAt)";
    }

    @Override
    public Map<String, String> names() {
        return Map.of("#type", Keys.TYPE, "#createdAt", CREATED_AT);
    }

    @Override
    public Map<String, AttributeValue> values() {
        return Map.of(":guard", AttributeValue.fromS(ItemType.LEAD_EMAIL.name()));
    }

    @Override
    public boolean upgrade(Map<String, AttributeValue> guard) {
        LeadId leadId = new LeadId(Attributes.string(guard, LeadMapper.LEAD_ID));
        Map<String, AttributeValue> stored = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.lead(leadId)).consistentRead(true)).item();
        if (stored == null || stored.isEmpty()) {
            return false; // a guard whose lead is gone (expired): nothing to copy, and no sale finds a lead by it
        }
        Lead lead = LeadMapper.fromItem(stored);
        Map<String, AttributeValue> copy = LeadMapper.emailGuard(lead, table.programId());
        Map<String, String> names = new HashMap<>(Map.of("#status", LeadMapper.STATUS, "#createdAt", CREATED_AT,
                "#attributedAt", LeadMapper.ATTRIBUTED_AT, "#leadId", LeadMapper.LEAD_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", copy.get(LeadMapper.STATUS),
                ":createdAt", copy.get(CREATED_AT), ":leadId", copy.get(LeadMapper.LEAD_ID)));
        StringBuilder set = new StringBuilder("SET #status = if_not_exists(#status, :status), #createdAt = :createdAt");
        if (copy.containsKey(LeadMapper.ATTRIBUTED_AT)) {
            set.append(", #attributedAt = :attributedAt");
            values.put(":attributedAt", copy.get(LeadMapper.ATTRIBUTED_AT));
        }
        if (copy.containsKey(LeadMapper.ATTRIBUTION)) {
            set.append(", #attribution = :attribution");
            names.put("#attribution", LeadMapper.ATTRIBUTION);
            values.put(":attribution", copy.get(LeadMapper.ATTRIBUTION));
        }
        try {
            client.updateItem(r -> r.tableName(table.tableName()).key(Keys.leadEmail(table.programId(), lead.email()))
                    .updateExpression(set.toString())
                    .conditionExpression("#leadId = :leadId AND attribute_not_exists(#createdAt)"
                            + " AND attribute_not_exists(#attributedAt)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // completed meanwhile (a second run, or a takeover wrote the whole copy)
        }
    }
}

package dev.refer.dynamodb.ledger;

import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.review.CommissionVoids;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.conversion.OrderMapper;
import dev.refer.dynamodb.lead.LeadMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The commission ledger: {@code PARTNER#{partnerId}} / {@code COMMISSION#{commissionId}} entries beside their partner,
 * so a partner's ledger is one Query; unpaid entries also sit in GSI2 {@code UNPAID#{partnerId}} by payable date.
 * Entries are written by the transactions of the events that cause them.
 */
public final class DynamoDbCommissionLedger implements CommissionVoids {

    private final DynamoDbClient client;
    private final TableConfig table;
    private final QueryPages pages;
    private final Transactions transactions;

    public DynamoDbCommissionLedger(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.pages = new QueryPages(client, table.tableName());
        this.transactions = new Transactions(client);
    }

    @Override
    public Optional<Commission> find(PartnerId partnerId, CommissionId id) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.commission(partnerId, id)).consistentRead(true));
        return response.hasItem() ? Optional.of(CommissionMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean approveEarly(Commission approved) {
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.commission(approved.partnerId(), approved.id()))
                    .updateExpression("SET #status = :approved, approvedAt = :at, #gsi2sk = :due")
                    .conditionExpression("#status = :pending AND attribute_not_exists(voidedAt)")
                    .expressionAttributeNames(Map.of("#status", "status", "#gsi2sk", Keys.GSI2SK))
                    .expressionAttributeValues(Map.of(
                            ":approved", AttributeValue.fromS(CommissionStatus.APPROVED.name()),
                            ":pending", AttributeValue.fromS(CommissionStatus.PENDING.name()),
                            ":at", AttributeValue.fromS(approved.approvedAt().toString()),
                            ":due", AttributeValue.fromS(Keys.unpaidOrder(approved.dueAt(), approved.id())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean voidEntry(VoidWrite write) {
        Commission voided = write.voided();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(Writes.update(Update.builder().tableName(table.tableName())
                .key(Keys.commission(voided.partnerId(), voided.id()))
                .updateExpression("SET voidedAt = :at")
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(voidedAt)")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(voided.voidedAt().toString())))
                .build()));
        if (write.voidEntry() != null) {
            items.add(Writes.putNew(table.tableName(), CommissionMapper.toItem(write.voidEntry())));
        }
        if (write.orderAfter() != null) {
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table.tableName())
                    .item(OrderMapper.toItem(write.orderAfter(), table.programId()))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", OrderMapper.VERSION))
                    .expressionAttributeValues(Map.of(":expected",
                            AttributeValue.fromN(Long.toString(write.orderBefore().version()))))).build());
        }
        if (write.leadAfter() != null) {
            items.add(TransactWriteItem.builder().put(put -> put.tableName(table.tableName())
                    .item(LeadMapper.toItem(write.leadAfter(), table.programId()))
                    .conditionExpression("updatedAt = :before")
                    .expressionAttributeValues(Map.of(":before",
                            AttributeValue.fromS(write.leadBefore().updatedAt().toString())))).build());
        }
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().anyConditionFailed() || cancelled.get().conflict()) {
            return false;
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.TABLE, Keys.partnerPk(partnerId), Keys.COMMISSION_PREFIX, page,
                CommissionMapper::fromItem);
    }
}

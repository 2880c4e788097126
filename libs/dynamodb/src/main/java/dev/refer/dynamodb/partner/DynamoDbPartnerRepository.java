package dev.refer.dynamodb.partner;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partners. One partner per email address: the partner and its email guard are written in one transaction that
 * fails when the guard exists, so two concurrent sign-ups with one email cannot both succeed.
 */
public final class DynamoDbPartnerRepository implements PartnerRepository {

    private static final int EMAIL_GUARD = 0;
    private static final int PARTNER = 1;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbPartnerRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public boolean create(Partner partner) {
        List<TransactWriteItem> items = List.of(
                Writes.putNew(table.tableName(), PartnerMapper.emailGuard(partner, table.programId())),
                Writes.putNew(table.tableName(), PartnerMapper.toItem(partner, table.programId())));
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(EMAIL_GUARD)) {
            return false; // a partner with this email exists; nothing was written
        }
        if (cancelled.get().conditionFailed(PARTNER)) {
            throw new IllegalStateException("partner id " + partner.id() + " is already used");
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public Optional<Partner> find(PartnerId id) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.partner(id))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(PartnerMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Page<Partner> list(PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.partnersOf(table.programId()), null, page,
                PartnerMapper::fromItem);
    }

    @Override
    public Optional<Partner> updateStatus(PartnerId id, PartnerStatus status) {
        try {
            UpdateItemResponse response = client.updateItem(request -> request
                    .tableName(table.tableName())
                    .key(Keys.partner(id))
                    .updateExpression("SET #status = :status")
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .expressionAttributeNames(Map.of("#status", PartnerMapper.STATUS))
                    .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(PartnerMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty(); // no such partner: the condition kept the update from creating a stub item
        }
    }
}

package dev.refer.dynamodb;

import dev.refer.core.commission.Commission;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LeadRepository;
import dev.refer.core.stats.StatsDelta;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leads. One lead per email address per program: the lead, its email guard and the partner's counters are written in
 * one transaction that fails as a whole when the guard exists, so a resubmitted form stores and counts nothing. A
 * review is a compare-and-set on the lead's status, with its reward entry and counters in the same transaction.
 */
public final class DynamoDbLeadRepository implements LeadRepository {

    private static final int EMAIL_GUARD = 0;
    private static final int LEAD = 1;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbLeadRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Creation create(Lead lead, StatsDelta stats) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(Writes.putGuard(table.tableName(), LeadMapper.emailGuard(lead, table.programId())));
        items.add(Writes.putNew(table.tableName(), LeadMapper.toItem(lead, table.programId())));
        items.addAll(new CounterUpdates(table.tableName()).add(stats).toTransactItems());

        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return new Creation.Created(lead.id());
        }
        if (cancelled.get().conditionFailed(EMAIL_GUARD)) {
            return new Creation.Duplicate(existingLead(cancelled.get(), lead.email()));
        }
        if (cancelled.get().conditionFailed(LEAD)) {
            throw new IllegalStateException("lead id " + lead.id() + " is already used");
        }
        throw cancelled.get().unexpected();
    }

    /** The lead holding the email: from the refused guard put (ALL_OLD), or read when the store did not return it. */
    private LeadId existingLead(Cancellation cancelled, EmailAddress email) {
        Map<String, AttributeValue> guard = cancelled.oldItem(EMAIL_GUARD);
        if (guard.isEmpty()) {
            guard = getConsistent(Keys.leadEmail(table.programId(), email))
                    .orElseThrow(() -> new IllegalStateException("lead email guard refused the write but is gone"));
        }
        return new LeadId(Attributes.string(guard, LeadMapper.LEAD_ID));
    }

    @Override
    public Optional<Lead> find(LeadId id) {
        return getConsistent(Keys.lead(id)).map(LeadMapper::fromItem);
    }

    @Override
    public Optional<Lead> findByEmail(EmailAddress email) {
        return getConsistent(Keys.leadEmail(table.programId(), email))
                .flatMap(guard -> find(new LeadId(Attributes.string(guard, LeadMapper.LEAD_ID))));
    }

    @Override
    public Page<Lead> leadsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.leadsOf(partnerId), null, page, LeadMapper::fromItem);
    }

    @Override
    public boolean review(Lead reviewed, LeadStatus expected, Commission reward, StatsDelta stats) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(Writes.update(statusChange(reviewed, expected)));
        if (reward != null) {
            items.add(Writes.putNew(table.tableName(), CommissionMapper.toItem(reward, table.programId())));
        }
        items.addAll(new CounterUpdates(table.tableName()).add(stats).toTransactItems());

        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(0)) {
            return false; // the lead is gone or no longer in the expected status: someone reviewed it first
        }
        if (reward != null && cancelled.get().conditionFailed(1)) {
            throw new IllegalStateException("commission id " + reward.id() + " is already used");
        }
        throw cancelled.get().unexpected();
    }

    /** The review itself, only if the lead is still where the reviewer saw it. */
    private Update statusChange(Lead reviewed, LeadStatus expected) {
        Map<String, String> names = Map.of("#status", LeadMapper.STATUS, "#reason", LeadMapper.STATUS_REASON,
                "#updatedAt", LeadMapper.UPDATED_AT);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", AttributeValue.fromS(reviewed.status().name()));
        values.put(":expected", AttributeValue.fromS(expected.name()));
        values.put(":updatedAt", AttributeValue.fromS(reviewed.updatedAt().toString()));
        String expression = "SET #status = :status, #updatedAt = :updatedAt";
        if (reviewed.statusReason() == null) {
            expression += " REMOVE #reason";
        } else {
            values.put(":reason", AttributeValue.fromS(reviewed.statusReason()));
            expression += ", #reason = :reason";
        }
        return Update.builder()
                .tableName(table.tableName())
                .key(Keys.lead(reviewed.id()))
                .updateExpression(expression)
                .conditionExpression("#status = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private Optional<Map<String, AttributeValue>> getConsistent(Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(key)
                .consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }
}

package dev.refer.dynamodb.lead;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadRepository;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.ledger.CommissionMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leads. One lead per email address per program: the lead and its email guard are written in one transaction that
 * fails as a whole when the guard exists, so a resubmitted form stores nothing. A review is a compare-and-set on the
 * lead's status and claim, with the guard's copy of the status and the ledger entries it causes in the same
 * transaction (and, for a reversal of the lead reward, a check that the reward was not voided meanwhile). A takeover
 * by stronger evidence is a compare-and-set on the lead's status (NEW) and claim count, with the guard (its copy of
 * the attribution) replaced in the same transaction.
 * Counters follow from the stream (the table's stream projection), never from these writes.
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
    public Creation create(Lead lead) {
        List<TransactWriteItem> items = List.of(
                Writes.putGuard(table.tableName(), LeadMapper.emailGuard(lead, table.programId())),
                Writes.putNew(table.tableName(), LeadMapper.toItem(lead, table.programId())));

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
    public boolean review(Lead reviewed, LeadStatus expected, List<Commission> entries) {
        Map<String, String> names = new HashMap<>(Map.of("#status", LeadMapper.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected",
                AttributeValue.fromS(expected.name())));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table.tableName())
                .item(LeadMapper.toItem(reviewed, table.programId()))
                .conditionExpression("#status = :expected AND " + sameClaim(reviewed, names, values))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build());
        items.add(Writes.update(guardStatus(table, reviewed.email(), reviewed.status())));
        for (Commission entry : entries) {
            items.add(Writes.putNew(table.tableName(), CommissionMapper.toItem(entry)));
        }
        int checks = items.size();
        for (Commission entry : entries) {
            if (entry.kind() == CommissionKind.REVERSAL) {
                // a void of the reward between our read and this write took it back already
                items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                        .tableName(table.tableName()).key(Keys.commission(entry.partnerId(), entry.reverses()))
                        .conditionExpression("attribute_not_exists(voidedAt)").build()).build());
            }
        }

        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(0)) {
            return false; // the lead is gone, no longer in the expected status or taken over: someone came first
        }
        for (int check = checks; check < items.size(); check++) {
            if (cancelled.get().conditionFailed(check)) {
                return false; // the entry it would reverse was voided meanwhile: read again
            }
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public boolean takeOver(Lead current, Lead claimed) {
        Map<String, String> names = new HashMap<>(Map.of("#status", LeadMapper.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":new", AttributeValue.fromS(LeadStatus.NEW.name())));
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(Put.builder()
                        .tableName(table.tableName())
                        .item(LeadMapper.toItem(claimed, table.programId()))
                        .conditionExpression("#status = :new AND " + sameClaim(current, names, values))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build()).build(),
                // the guard replaced whole (a Put, like the capture's: the lead form needs no UpdateItem)
                TransactWriteItem.builder().put(Put.builder()
                        .tableName(table.tableName())
                        .item(LeadMapper.emailGuard(claimed, table.programId()))
                        .conditionExpression("#leadId = :leadId")
                        .expressionAttributeNames(Map.of("#leadId", LeadMapper.LEAD_ID))
                        .expressionAttributeValues(Map.of(":leadId", AttributeValue.fromS(claimed.id().value())))
                        .build()).build());

        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(0) || cancelled.get().conditionFailed(1)) {
            return false; // reviewed, converted, taken over by someone else, or expired meanwhile
        }
        throw cancelled.get().unexpected();
    }

    /**
     * The condition that the stored lead is still held by {@code lead}'s latest claim: its claim count is a version
     * of who holds it (a lead stored before claims were kept has none).
     */
    private static String sameClaim(Lead lead, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#claims", LeadMapper.CLAIMS);
        if (lead.claims().isEmpty()) {
            return "attribute_not_exists(#claims)";
        }
        values.put(":claimCount", AttributeValue.fromN(Integer.toString(lead.claims().size())));
        return "size(#claims) = :claimCount";
    }

    /**
     * The email guard's copy of a lead's status, kept with the lead's (a billing event weighs the lead as evidence by
     * it); a status change also ends an organic lead's expiry.
     */
    public static Update guardStatus(TableConfig table, EmailAddress email, LeadStatus status) {
        return Update.builder()
                .tableName(table.tableName())
                .key(Keys.leadEmail(table.programId(), email))
                .updateExpression("SET #status = :status REMOVE #expiresAt")
                .conditionExpression(Writes.ITEM_EXISTS)
                .expressionAttributeNames(Map.of("#status", LeadMapper.STATUS, "#expiresAt", LeadMapper.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name())))
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

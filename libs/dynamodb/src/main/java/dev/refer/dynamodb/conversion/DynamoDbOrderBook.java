package dev.refer.dynamodb.conversion;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.deal.DealMapper;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.dynamodb.link.ClickMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Billing events, orders and customers. A billing event's evidence (its event id, order, customer, lead guard, click
 * and the deal guard of the buyer's company domain) is one strongly consistent BatchGetItem; what the event causes is
 * one transaction whose first item is create-only on the event id: a redelivered event writes nothing, and a concurrent
 * change to the order (its version), the customer (its version), the lead or a re-bound sale refuses the whole unit,
 * which the caller re-plans. A customer re-bound by an earlier purchase rewrites the orders and conversions of the
 * sales recorded before it in the same transaction (read first by {@link #pastSales}, the only extra round trip, on
 * that path only). A refund's transaction checks the commission entry it reverses instead of reading it first
 * ({@link #recordRefund}).
 */
public final class DynamoDbOrderBook implements OrderBook {

    /** What each transaction item stands for, in the order its refusal is reported: the event id first. */
    private enum Part {
        CONVERSION(Outcome.DUPLICATE_EVENT),
        ORDER(Outcome.CONFLICT),
        CUSTOMER(Outcome.CONFLICT),
        LEAD(Outcome.CONFLICT),
        LEAD_GUARD(Outcome.CONFLICT),
        // a sale recorded earlier whose order or conversion changed since the re-binding read it
        REBOUND(Outcome.CONFLICT),
        // a fresh random id that exists already: nothing written, a retry with new ids succeeds
        ENTRY(Outcome.CONFLICT);

        final Outcome whenRefused;

        Part(Outcome whenRefused) {
            this.whenRefused = whenRefused;
        }
    }

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbOrderBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Evidence evidence(Evidence.Query query) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        if (query.eventId() != null) {
            keys.put("conversion", Keys.conversion(table.programId(), query.eventId()));
        }
        if (query.orderId() != null) {
            keys.put("order", Keys.order(table.programId(), query.orderId()));
        }
        if (query.customerExternalId() != null) {
            keys.put("customer", Keys.customer(table.programId(), query.customerExternalId()));
        }
        if (query.email() != null) {
            keys.put("lead", Keys.leadEmail(table.programId(), query.email()));
        }
        if (query.clickId() != null) {
            keys.put("click", Keys.click(query.clickId()));
        }
        if (query.dealDomain() != null) {
            keys.put("deal", DealMapper.guardKey(table.programId(), query.dealDomain()));
        }
        Map<String, Map<String, AttributeValue>> found = batchGet(keys);
        Map<String, AttributeValue> guard = found.get("lead");
        Evidence.LeadEvidence lead = guard == null ? null : LeadMapper.fromGuard(guard, query.email());
        if (guard != null && lead == null) {
            // a guard written before it carried the lead's status: read the lead itself
            lead = getConsistent(Keys.lead(new LeadId(Attributes.string(guard, LeadMapper.LEAD_ID))))
                    .map(LeadMapper::fromItem)
                    .map(l -> new Evidence.LeadEvidence(l.id(), l.email(), l.status(), l.attribution(),
                            l.attributedAt()))
                    .orElse(null);
        }
        return new Evidence(found.containsKey("conversion"),
                found.containsKey("order") ? OrderMapper.fromItem(found.get("order")) : null,
                found.containsKey("customer") ? CustomerMapper.fromItem(found.get("customer")) : null,
                lead,
                found.containsKey("click") ? ClickMapper.fromItem(found.get("click")) : null,
                found.containsKey("deal") ? DealMapper.fromGuard(found.get("deal")) : null);
    }

    /** The items found for the named keys, in one BatchGetItem (plus retries of what DynamoDB left unprocessed). */
    private Map<String, Map<String, AttributeValue>> batchGet(Map<String, Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.values());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Map<String, AttributeValue>> request = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table.tableName(),
                    KeysAndAttributes.builder().keys(request).consistentRead(true).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(), List.of())) {
                keys.forEach((name, key) -> {
                    if (key.get(Keys.PK).equals(item.get(Keys.PK)) && key.get(Keys.SK).equals(item.get(Keys.SK))) {
                        found.put(name, item);
                    }
                });
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.tableName());
            pending = unprocessed == null ? List.of() : unprocessed.keys();
            if (!pending.isEmpty()) {
                if (attempt == 5) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed after 5 attempts (throttled)");
                }
                Backoff.pause(attempt);
            }
        }
        return found;
    }

    @Override
    public Outcome record(ConversionWrite write) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        add(write, items, parts);
        return transactions.write(items).map(cancelled -> refused(cancelled, parts)).orElse(Outcome.RECORDED);
    }

    /**
     * The refund's items and a ConditionCheck of the reversed entry: still under {@code UNPAID#{partnerId}} (not
     * paid) at the sort key of the due date copied (not approved early). Its refusal returns the entry (ALL_OLD), so
     * the caller re-plans without reading it.
     */
    @Override
    public RefundOutcome recordRefund(ConversionWrite write, EntryAsCopied datedBy) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        add(write, items, parts);
        int check = items.size();
        items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table.tableName())
                .key(Keys.commission(datedBy.partnerId(), datedBy.commissionId()))
                .conditionExpression("#gsi2pk = :unpaid AND #gsi2sk = :due")
                .expressionAttributeNames(Map.of("#gsi2pk", Keys.GSI2PK, "#gsi2sk", Keys.GSI2SK))
                .expressionAttributeValues(Map.of(
                        ":unpaid", AttributeValue.fromS(Keys.unpaid(datedBy.partnerId())),
                        ":due", AttributeValue.fromS(Keys.unpaidOrder(datedBy.dueAt(), datedBy.commissionId()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build());
        Optional<Cancellation> cancelled = transactions.write(items);
        if (cancelled.isEmpty()) {
            return new RefundOutcome.Written(Outcome.RECORDED);
        }
        boolean otherPartRefused = false;
        for (int i = 0; i < parts.size(); i++) {
            otherPartRefused |= cancelled.get().conditionFailed(i);
        }
        if (!otherPartRefused && cancelled.get().conditionFailed(check)) {
            Map<String, AttributeValue> entry = cancelled.get().oldItem(check);
            return new RefundOutcome.EntryMoved(entry.isEmpty() ? null : CommissionMapper.fromItem(entry));
        }
        return new RefundOutcome.Written(refused(cancelled.get(), parts));
    }

    /** The items of everything one billing event writes, and what each stands for. */
    private void add(ConversionWrite write, List<TransactWriteItem> items, List<Part> parts) {
        String tableName = table.tableName();
        items.add(Writes.putNew(tableName, ConversionMapper.toItem(write.conversion(), table.programId())));
        parts.add(Part.CONVERSION);
        items.add(orderWrite(write));
        parts.add(Part.ORDER);
        if (write.customer() != null) {
            items.add(customerWrite(write));
            parts.add(Part.CUSTOMER);
        }
        if (write.leadConversion() != null) {
            items.add(Writes.update(leadConverted(write.leadConversion(), write.conversion())));
            parts.add(Part.LEAD);
            items.add(Writes.update(DynamoDbLeadRepository.guardStatus(table, write.leadConversion().email(),
                    LeadStatus.CONVERTED)));
            parts.add(Part.LEAD_GUARD);
        }
        for (Rebound rebound : write.rebound()) {
            items.add(versioned(OrderMapper.toItem(rebound.order(), table.programId()), OrderMapper.VERSION,
                    rebound.expectedOrderVersion()));
            parts.add(Part.REBOUND);
            items.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(tableName)
                    .item(ConversionMapper.toItem(rebound.conversion(), table.programId()))
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .build()).build());
            parts.add(Part.REBOUND);
        }
        for (Commission entry : write.entries()) {
            items.add(Writes.putNew(tableName, CommissionMapper.toItem(entry)));
            parts.add(Part.ENTRY);
        }
    }

    /** The outcome of a refused transaction: the first refused part in {@link Part}'s order decides. */
    private static Outcome refused(Cancellation cancelled, List<Part> parts) {
        for (Part part : Part.values()) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) == part && cancelled.conditionFailed(i)) {
                    return part.whenRefused;
                }
            }
        }
        if (cancelled.conflict()) {
            return Outcome.CONFLICT;
        }
        throw cancelled.unexpected();
    }

    /** The order created (version 1, create-only) or replaced only if still at the version the writer read. */
    private TransactWriteItem orderWrite(ConversionWrite write) {
        return versioned(OrderMapper.toItem(write.order(), table.programId()), OrderMapper.VERSION,
                write.expectedOrderVersion());
    }

    /** The customer created (create-only) or replaced only if still at the version the writer read. */
    private TransactWriteItem customerWrite(ConversionWrite write) {
        return versioned(CustomerMapper.toItem(write.customer(), table.programId()), CustomerMapper.VERSION,
                write.expectedCustomerVersion());
    }

    /** A create-only put when {@code expected} is 0, else a put on the condition that the item is at it. */
    private TransactWriteItem versioned(Map<String, AttributeValue> item, String versionName, long expected) {
        if (expected == 0) {
            return Writes.putNew(table.tableName(), item);
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table.tableName())
                .item(item)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", versionName))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expected))))
                .build()).build();
    }

    @Override
    public List<PastSale> pastSales(List<Customer.Purchase> purchases) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (int i = 0; i < purchases.size(); i++) {
            keys.put("order" + i, Keys.order(table.programId(), purchases.get(i).orderId()));
            keys.put("conversion" + i, Keys.conversion(table.programId(), purchases.get(i).eventId()));
        }
        Map<String, Map<String, AttributeValue>> found = batchGet(keys);
        List<PastSale> sales = new ArrayList<>();
        for (int i = 0; i < purchases.size(); i++) {
            Map<String, AttributeValue> order = found.get("order" + i);
            Map<String, AttributeValue> conversion = found.get("conversion" + i);
            sales.add(new PastSale(order == null ? null : OrderMapper.fromItem(order),
                    conversion == null ? null : ConversionMapper.fromItem(conversion)));
        }
        return sales;
    }

    /**
     * The referred lead becomes CONVERTED (and is kept for good), only if still in the status planned from and still
     * held by the partner the sale went to (a takeover by stronger evidence meanwhile makes the sale re-plan).
     */
    private Update leadConverted(LeadConversion conversion, Conversion cause) {
        Map<String, String> names = new HashMap<>(Map.of("#status", LeadMapper.STATUS,
                "#updatedAt", LeadMapper.UPDATED_AT, "#expiresAt", LeadMapper.EXPIRES_AT,
                "#attribution", LeadMapper.ATTRIBUTION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":converted", AttributeValue.fromS(LeadStatus.CONVERTED.name()),
                ":expected", AttributeValue.fromS(conversion.expected().name()),
                ":at", AttributeValue.fromS(cause.recordedAt().toString())));
        String holder;
        if (conversion.partnerId() == null) {
            holder = "attribute_not_exists(#attribution)";
        } else {
            names.put("#partnerId", "partnerId");
            values.put(":partnerId", AttributeValue.fromS(conversion.partnerId().value()));
            holder = "#attribution.#partnerId = :partnerId";
        }
        return Update.builder()
                .tableName(table.tableName())
                .key(Keys.lead(conversion.leadId()))
                .updateExpression("SET #status = :converted, #updatedAt = :at REMOVE #expiresAt")
                .conditionExpression("#status = :expected AND " + holder)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    @Override
    public Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.conversionsOf(partnerId), null, page,
                ConversionMapper::fromItem);
    }

    private Optional<Map<String, AttributeValue>> getConsistent(Map<String, AttributeValue> key) {
        var response = client.getItem(request -> request.tableName(table.tableName()).key(key).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }
}
